import { LoaderOptions } from "@medusajs/framework/types"
import { resolveAffiliateOptions } from "../options"
import { loadPayoutProviders } from "../payouts/providers"

/**
 * Stops boot when a plugin option is wrong (or, in production, when the
 * secret is missing or short), with a message naming the option, instead of
 * failing later on the first order; logs what boot should warn about.
 */
export default async function validateOptionsLoader({ options, logger }: LoaderOptions) {
  const { options: resolved, warnings } = resolveAffiliateOptions(options)
  // A provider that can't load, or lacks `pay`, stops boot naming it.
  loadPayoutProviders(resolved.payout_providers)
  for (const warning of warnings) {
    logger?.warn(warning)
  }
}
