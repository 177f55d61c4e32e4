import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"
import { writeOffNegativeBalancesWorkflow } from "../workflows/commissions"

/** F5, when the program turns it on: negative balances start each month at zero. */
export default async function writeOffNegativeBalancesJob(container: MedusaContainer) {
  const { no_negative_carryover } = await affiliateService(container).getProgramSettings()
  if (!no_negative_carryover) {
    return
  }
  await writeOffNegativeBalancesWorkflow(container).run({ input: {} })
}

export const config = {
  name: "write-off-negative-affiliate-balances",
  // Shortly after the month starts (UTC), once the last approvals have run.
  schedule: "30 0 1 * *",
}
