import { MedusaContainer } from "@medusajs/framework/types"
import { pollAffiliatePayoutsWorkflow } from "../workflows/payouts"

/**
 * Asks payout providers that can be polled (`getStatus`) how their
 * processing payouts stand, and marks them paid or failed. Providers with
 * webhooks are told sooner; this catches a webhook that never came.
 */
export default async function pollAffiliatePayoutsJob(container: MedusaContainer) {
  await pollAffiliatePayoutsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "poll-affiliate-payouts",
  schedule: "*/10 * * * *",
}
