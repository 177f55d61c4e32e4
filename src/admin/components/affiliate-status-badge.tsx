import { StatusBadge } from "@medusajs/ui"
import type { Affiliate } from "../hooks/api/affiliates"

const COLORS: Record<Affiliate["status"], "green" | "orange" | "red" | "grey"> = {
  active: "green",
  pending: "orange",
  suspended: "red",
  rejected: "red",
  deactivated: "grey",
}

export const AffiliateStatusBadge = ({ status }: { status: Affiliate["status"] }) => (
  <StatusBadge color={COLORS[status]} className="capitalize">
    {status}
  </StatusBadge>
)
