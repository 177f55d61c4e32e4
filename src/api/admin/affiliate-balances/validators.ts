import { z } from "@medusajs/framework/zod"
import { currencyCode, idFilter, queryBoolean } from "../../utils/validators"

export const AdminGetAffiliateBalancesParams = z
  .object({
    currency_code: currencyCode().optional(),
    affiliate_id: idFilter().optional(),
    /** Only balances that reach the payout minimum. */
    payable: queryBoolean().optional(),
  })
  .strict()
export type AdminGetAffiliateBalancesParamsType = z.infer<typeof AdminGetAffiliateBalancesParams>
