import { z } from "@medusajs/framework/zod"
import { targetUrl } from "../affiliate-links/validators"

/** `GET /admin/products/:id/affiliate-program` takes no query parameters. */
export const AdminGetProductAffiliateProgramParams = z.object({}).strict()

/** What an admin sets on a product's participation; each field is optional. */
export const AdminSetProductAffiliateProgram = z
  .object({
    /** Out of the program: its product rules become `excluded` (it earns nothing). */
    in_program: z.boolean().optional(),
    visible_in_portal: z.boolean().optional(),
    /** A path on the store or a URL on its domain; null: the product's own page. */
    landing_url: targetUrl().nullish(),
  })
  .strict()
export type AdminSetProductAffiliateProgramType = z.infer<typeof AdminSetProductAffiliateProgram>
