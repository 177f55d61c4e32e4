import { LoaderOptions } from "@medusajs/framework/types"
import { resolveAffiliateOptions } from "../options"

/**
 * Stops boot when a plugin option is wrong (or, in production, when the
 * secret is missing or short), with a message naming the option, instead of
 * failing later on the first order; logs what boot should warn about.
 */
export default async function validateOptionsLoader({ options, logger }: LoaderOptions) {
  const { warnings } = resolveAffiliateOptions(options)
  for (const warning of warnings) {
    logger?.warn(warning)
  }
}
