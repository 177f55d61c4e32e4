/**
 * What an admin may do to a ledger line, by its status: the same table as the
 * server's `LINE_TRANSITIONS` (src/modules/affiliate/utils/line-transitions.ts),
 * which stays the judge (a refused line comes back as a 400 naming it). The
 * admin uses it only to offer the actions a line can take and to say, before
 * a bulk action, which selected lines it will leave alone and why.
 */
export type LineAction = "approve" | "reject" | "hold" | "release"

export const LINE_ACTIONS: Record<LineAction, { from: string[]; label: string; past: string; to: string }> = {
  approve: { from: ["pending", "on_hold"], label: "Approve", past: "approved", to: "approved" },
  reject: { from: ["pending", "on_hold", "approved"], label: "Reject", past: "rejected", to: "rejected" },
  hold: { from: ["pending", "approved"], label: "Hold", past: "put on hold", to: "on_hold" },
  release: { from: ["on_hold"], label: "Release", past: "released", to: "pending" },
}

export const LINE_ACTION_ORDER: LineAction[] = ["approve", "reject", "hold", "release"]

/** The actions a line in `status` may take. */
export function actionsFor(status: string): LineAction[] {
  return LINE_ACTION_ORDER.filter((action) => LINE_ACTIONS[action].from.includes(status))
}

/** Splits a selection into the lines `action` changes and those it can't, with their status. */
export function splitForAction<T extends { id: string; status: string }>(lines: T[], action: LineAction) {
  const from = LINE_ACTIONS[action].from
  return {
    eligible: lines.filter((line) => from.includes(line.status)),
    skipped: lines.filter((line) => !from.includes(line.status)),
  }
}

export const LINE_STATUSES = ["pending", "on_hold", "approved", "paid", "rejected"] as const
export const LINE_TYPES = [
  "sale",
  "lead",
  "reversal",
  "clawback",
  "adjustment",
  "bonus",
  "write_off",
  "payout_return",
] as const

/** "on_hold" → "on hold". */
export const humanize = (value: string) => value.replace(/_/g, " ")
