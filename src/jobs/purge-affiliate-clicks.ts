import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../workflows/affiliate-service"

/**
 * J1: drops clicks older than `click_retention_days` (about 13 months by
 * default). The daily report rows keep their counts, so no figure changes.
 */
export default async function purgeAffiliateClicksJob(container: MedusaContainer) {
  const { deleted, before } = await affiliateService(container).purgeOldClicks()
  if (deleted) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Affiliate: purged ${deleted} clicks from before ${before.toISOString().slice(0, 10)}`)
  }
}

export const config = {
  name: "purge-affiliate-clicks",
  schedule: "45 3 * * *",
}
