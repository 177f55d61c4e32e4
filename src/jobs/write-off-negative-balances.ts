import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"
import { writeOffNegativeBalancesWorkflow } from "../workflows/commissions"

/**
 * F5, when the program turns it on: negative balances start each month at
 * zero. Runs daily, not monthly: Medusa's in-memory scheduler hands the wait
 * to `setTimeout`, which can't wait past ~24.8 days (a longer wait fires at
 * once and the engine then spins through months). The first run in a month
 * does the work; the others find the month claimed and write nothing.
 */
export default async function writeOffNegativeBalancesJob(container: MedusaContainer) {
  const { no_negative_carryover } = await affiliateService(container).getProgramSettings()
  if (!no_negative_carryover) {
    return
  }
  await writeOffNegativeBalancesWorkflow(container).run({ input: {} })
}

export const config = {
  name: "write-off-negative-affiliate-balances",
  // Daily, shortly after midnight (UTC) once the hourly approvals have run;
  // acts once per month (see above).
  schedule: "30 0 * * *",
}
