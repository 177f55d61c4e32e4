import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

const COLOR: Record<string, "green" | "orange" | "red" | "blue" | "grey" | "purple"> = {
  pending: "orange",
  approved: "green",
  paid: "blue",
  reversed: "red",
  rejected: "red",
  no_commission: "grey",
  processing: "orange",
  failed: "red",
  canceled: "grey",
  active: "green",
  inactive: "grey",
}

/** A status word from the catalogs (`status.<value>`), coloured by what it means. */
export function StatusLabel({ status }: { status: string }) {
  const { t } = useTranslation()
  return <StatusBadge color={COLOR[status] ?? "grey"}>{t(`status.${status}`, { defaultValue: status })}</StatusBadge>
}
