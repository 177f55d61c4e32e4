import { StatusBadge } from "@medusajs/ui"
import { humanize } from "../../lib/line-actions"

const RULE_LABELS: Record<string, string> = {
  program_default: "Program default",
  affiliate: "Affiliate's rate",
}

/** Which rule produced a line, or why the line exists (reversals, adjustments). */
export function describeRule(line: { rule: string | null; rate: number | null; reason: string | null }) {
  if (!line.rule) {
    return line.reason ?? "—"
  }
  const label = RULE_LABELS[line.rule] ?? line.rule
  return line.rate != null ? `${label} (${line.rate}%)` : label
}

const STATUS_COLORS: Record<string, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  pending: "orange",
  on_hold: "purple",
  approved: "green",
  paid: "blue",
  rejected: "red",
}

/** A line's status as a coloured dot and its name ("on hold"). */
export const LineStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={STATUS_COLORS[status] ?? "grey"}>{humanize(status)}</StatusBadge>
)
