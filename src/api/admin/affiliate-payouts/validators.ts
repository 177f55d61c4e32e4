import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { currencyCode, dateFilter, id, idFilter, listParams, MAX_LIST, says, text } from "../../utils/validators"

/**
 * The payout list's filters; the CSV export takes exactly these. Each key is
 * a column of `affiliate_payout` (the export applies them by name), so a new
 * filter such as `batch_id: idFilter().optional()` is one line here.
 */
const PayoutFilters = {
  affiliate_id: idFilter().optional(),
  currency_code: currencyCode().optional(),
  status: z.union([z.nativeEnum(PayoutStatus), z.array(z.nativeEnum(PayoutStatus)).max(MAX_LIST)]).optional(),
  created_at: dateFilter().optional(),
  batch_id: idFilter().optional(),
  provider_id: id().optional(),
}

export const AdminGetPayoutsParams = z
  .object({
    ...listParams({ limit: 20, orderable: ["created_at", "paid_at", "amount", "status"] }),
    ...PayoutFilters,
  })
  .strict()

/**
 * `GET /admin/affiliate-payouts/export?format=paypal|bank`: the list's
 * filters and a layout. PayPal takes one currency per file, so the PayPal
 * layout needs `currency_code`.
 */
export const AdminExportPayoutsParams = z
  .object({
    ...PayoutFilters,
    format: z.enum(["paypal", "bank"], says("one of paypal, bank")),
  })
  .strict()
  .refine((query) => query.format !== "paypal" || !!query.currency_code, {
    path: ["currency_code"],
    message: "currency_code: required for format=paypal (PayPal takes one currency per file)",
  })
export type AdminExportPayoutsParamsType = z.infer<typeof AdminExportPayoutsParams>

const note = () => text(2000, { multiline: true }).trim().nullish()

/** Records that a payout was paid (e.g. the bank's reference of a transfer). */
export const AdminMarkPayoutPaid = z
  .object({ external_reference: text(255).trim().min(1).nullish(), note: note() })
  .strict()
export type AdminMarkPayoutPaidType = z.infer<typeof AdminMarkPayoutPaid>

/** A payout that did not go through: its amount goes back to the balance. */
export const AdminFailPayout = z.object({ reason: text(1000, { multiline: true }).trim().min(3) }).strict()
export type AdminFailPayoutType = z.infer<typeof AdminFailPayout>

export const AdminCancelPayout = z
  .object({ reason: text(1000, { multiline: true }).trim().min(1).nullish() })
  .strict()
export type AdminCancelPayoutType = z.infer<typeof AdminCancelPayout>

/** Pays a failed or canceled payout again; the provider may be changed. */
export const AdminRetryPayout = z.object({ provider_id: id().optional(), note: note() }).strict()
export type AdminRetryPayoutType = z.infer<typeof AdminRetryPayout>
