import { z } from "@medusajs/framework/zod"

/** The partner's codes take no query. */
export const AffiliateGetCodesParams = z.object({}).strict()
