import { z } from "@medusajs/framework/zod"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"
import { currencyCode, dateFilter, idFilter, idList, listParams, MAX_LIST, text } from "../../utils/validators"

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema).max(MAX_LIST)])

/** The ledger list's filters; the CSV export takes exactly these. */
const CommissionLineFilters = {
  id: idFilter().optional(),
  affiliate_id: idFilter().optional(),
  order_id: idFilter().optional(),
  payout_id: idFilter().optional(),
  status: oneOrMany(z.nativeEnum(CommissionStatus)).optional(),
  type: oneOrMany(z.nativeEnum(CommissionType)).optional(),
  currency_code: currencyCode().optional(),
  created_at: dateFilter().optional(),
}

export const AdminGetCommissionLinesParams = z
  .object({
    ...listParams({
      limit: 50,
      orderable: ["created_at", "amount", "status", "type", "approved_at", "hold_until", "paid_by_customer_at"],
    }),
    ...CommissionLineFilters,
  })
  .strict()

/** `GET /admin/affiliate-commissions/export`: the list's filters, every matching line (no paging). */
export const AdminExportCommissionLinesParams = z.object(CommissionLineFilters).strict()

export const AdminChangeCommissionLinesStatus = z
  .object({
    ids: idList(500).min(1),
    reason: text(1000, { multiline: true }).trim().min(1).optional(),
  })
  .strict()
export type AdminChangeCommissionLinesStatusType = z.infer<typeof AdminChangeCommissionLinesStatus>
