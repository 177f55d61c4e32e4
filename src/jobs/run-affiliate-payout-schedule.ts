import { MedusaContainer } from "@medusajs/framework/types"
import { runAffiliatePayoutScheduleWorkflow } from "../workflows/payouts"

/**
 * F3, when the program sets `payout_schedule`: pays every partner due a
 * payout once a month, from the payout day on. Runs daily, not monthly:
 * Medusa's in-memory scheduler can't wait past ~24.8 days. The first run on
 * or after the day claims the month per currency; the others pay nobody.
 */
export default async function runAffiliatePayoutScheduleJob(container: MedusaContainer) {
  await runAffiliatePayoutScheduleWorkflow(container).run({ input: { now: new Date() } })
}

export const config = {
  name: "run-affiliate-payout-schedule",
  // Daily at 06:00 UTC, after the night's approvals and write-offs.
  schedule: "0 6 * * *",
}
