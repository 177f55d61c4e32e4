import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"

/**
 * Keeps the report read model current with the ledger between report reads
 * (each report refreshes it first too), so a dashboard never waits on a
 * backlog.
 */
export default async function refreshAffiliateStatsJob(container: MedusaContainer) {
  // With the look-back for transactions that committed after an earlier refresh.
  await affiliateService(container).refreshStats({ overlap: true })
}

export const config = {
  name: "refresh-affiliate-stats",
  schedule: "* * * * *",
}
