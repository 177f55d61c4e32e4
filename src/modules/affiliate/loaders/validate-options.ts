import { LoaderOptions } from "@medusajs/framework/types"
import { parseAffiliateOptions } from "../options"

/**
 * Stops boot when a plugin option is wrong, with a message naming the option,
 * instead of failing later on the first order.
 */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseAffiliateOptions(options)
}
