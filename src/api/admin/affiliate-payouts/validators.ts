import { z } from "@medusajs/framework/zod"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { currencyCode, dateFilter, idFilter, listParams, MAX_LIST, says } from "../../utils/validators"

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
