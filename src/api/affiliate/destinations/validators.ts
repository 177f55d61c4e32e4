import { z } from "@medusajs/framework/zod"
import { PortalPaging } from "../../utils/portal"
import { text } from "../../utils/validators"

/** The link builder's product search: `q` on the product's title and handle, paged. */
export const AffiliateGetDestinationsParams = z
  .object({ q: text(200).trim().optional(), ...PortalPaging })
  .strict()
export type AffiliateGetDestinationsParamsType = z.infer<typeof AffiliateGetDestinationsParams>
