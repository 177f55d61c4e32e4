import { z } from "@medusajs/framework/zod"

export const AdminGetAffiliateBalancesParams = z
  .object({
    currency_code: z.string().length(3).optional(),
    affiliate_id: z.union([z.string(), z.array(z.string())]).optional(),
    /** Only balances that reach the payout minimum. */
    payable: z
      .preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())
      .optional(),
  })
  .strict()
export type AdminGetAffiliateBalancesParamsType = z.infer<typeof AdminGetAffiliateBalancesParams>
