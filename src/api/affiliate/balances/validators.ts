import { z } from "@medusajs/framework/zod"
import { currencyCode } from "../../utils/validators"

export const AffiliateGetBalancesParams = z.object({ currency_code: currencyCode().optional() }).strict()
export type AffiliateGetBalancesParamsType = z.infer<typeof AffiliateGetBalancesParams>
