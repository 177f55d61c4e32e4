import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../workflows/affiliate-service"

/**
 * Rebuilds the affiliate report figures from the raw rows:
 *   npx medusa exec ./node_modules/medusa-plugin-affiliate/.medusa/server/src/scripts/rebuild-affiliate-stats.js
 * (in this repository: `npm run stats:rebuild`). Safe while the store runs.
 */
export default async function rebuildAffiliateStats({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const { purged_before } = await affiliateService(container).rebuildStats()
  logger.info(
    `Affiliate report figures rebuilt in ${Date.now() - started} ms` +
      (purged_before ? `; click counts before ${purged_before.toISOString().slice(0, 10)} kept (clicks purged)` : "")
  )
}
