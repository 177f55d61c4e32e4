import { z } from "@medusajs/framework/zod"
import { id, says } from "../../utils/validators"

/** The portal's creatives, optionally of one type, or for one product's page (its own and the general ones). */
export const AffiliateGetCreativesParams = z
  .object({
    type: z.enum(["banner", "text_link", "html"], says("one of banner, text_link, html")).optional(),
    product_id: id().optional(),
  })
  .strict()
export type AffiliateGetCreativesParamsType = z.infer<typeof AffiliateGetCreativesParams>
