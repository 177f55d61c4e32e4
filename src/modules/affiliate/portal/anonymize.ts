import { MathBN } from "@medusajs/framework/utils"

/**
 * How a referred customer shows in the partner portal (H5): enough to
 * recognise a sale, never enough to identify or contact the shopper.
 */

/**
 * The one masking of a shopper's email: the first character of the local
 * part and of the domain's first label, and the top-level domain
 * (`john.doe@mail.example.com` → `j***@m***.com`). Anything that is not a
 * plausible address is null rather than a partial leak.
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (typeof email !== "string") return null
  const at = email.trim().lastIndexOf("@")
  if (at < 1) return null
  const local = email.trim().slice(0, at)
  const labels = email.trim().slice(at + 1).toLowerCase().split(".")
  if (labels.length < 2 || labels.some((label) => !label)) return null
  const tld = labels[labels.length - 1]
  // Array.from: a first character outside the BMP (an emoji) is one character, not half a surrogate pair.
  const first = (value: string) => Array.from(value)[0].toLowerCase()
  return `${first(local)}***@${first(labels[0])}***.${tld}`
}

export type CustomerCommissionStatus = "pending" | "approved" | "paid" | "reversed" | "rejected" | "no_commission"

/**
 * Where a referred order's commission stands for the partner, from their
 * lines of it: refused at attribution (`rejection_reason`) or a rejected
 * sale line → rejected; nothing written → no_commission; taken back to zero
 * or less → reversed; else the sale line's status (on hold reads as pending:
 * a review is the admin's business).
 */
export function customerCommissionStatus(row: {
  rejection_reason: string | null
  line_count: number
  sale_statuses: string[]
  reversed: boolean
  commission: string
}): CustomerCommissionStatus {
  if (row.rejection_reason) return "rejected"
  if (!row.line_count) return "no_commission"
  if (row.reversed && MathBN.lte(row.commission, 0)) return "reversed"
  const statuses = row.sale_statuses
  if (statuses.includes("paid")) return "paid"
  if (statuses.includes("approved")) return "approved"
  if (statuses.length && statuses.every((status) => status === "rejected")) return "rejected"
  return "pending"
}
