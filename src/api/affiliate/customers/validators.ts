import { z } from "@medusajs/framework/zod"
import { PortalPaging } from "../../utils/portal"

export const AffiliateGetCustomersParams = z.object(PortalPaging).strict()
export type AffiliateGetCustomersParamsType = z.infer<typeof AffiliateGetCustomersParams>
