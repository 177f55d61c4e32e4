import { StatusBadge } from "@medusajs/ui"
import type { PayoutStatus } from "../../hooks/api/payouts"

const COLORS: Record<PayoutStatus, "green" | "red" | "blue" | "orange" | "grey"> = {
  pending: "orange",
  processing: "blue",
  paid: "green",
  failed: "red",
  canceled: "grey",
}

export const PayoutStatusBadge = ({ status }: { status: PayoutStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} className="capitalize">
    {status}
  </StatusBadge>
)
