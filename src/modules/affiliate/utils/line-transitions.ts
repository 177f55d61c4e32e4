import { MedusaError } from "@medusajs/framework/utils"
import { CommissionStatus } from "../types"
import type { LineStatusAction } from "../../../types/ledger"

export type { LineStatusAction }

/** For each admin action on ledger lines: the status it leads to and where it may start. */
export const LINE_TRANSITIONS: Record<LineStatusAction, { to: CommissionStatus; from: CommissionStatus[] }> = {
  // Early approval, before the hold period ends, is the admin's call.
  approve: { to: CommissionStatus.APPROVED, from: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD] },
  reject: {
    to: CommissionStatus.REJECTED,
    from: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD, CommissionStatus.APPROVED],
  },
  hold: { to: CommissionStatus.ON_HOLD, from: [CommissionStatus.PENDING, CommissionStatus.APPROVED] },
  release: { to: CommissionStatus.PENDING, from: [CommissionStatus.ON_HOLD] },
}

/**
 * Checks that every line may take the action; otherwise a 400 that names each
 * line that can't and why. Paid lines never change: they are settled.
 */
export function assertLineTransitions(
  lines: { id: string; status: CommissionStatus }[],
  action: LineStatusAction
) {
  const { from } = LINE_TRANSITIONS[action]
  const refused = lines.filter((line) => !from.includes(line.status))
  if (refused.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot ${action} ${refused.map((line) => `${line.id} (${line.status})`).join(", ")}`
    )
  }
}
