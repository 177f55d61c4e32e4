import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import reconcileAffiliateCommissionsJob from "../jobs/reconcile-affiliate-commissions"

/**
 * Runs the reconciliation job now, instead of waiting for its schedule, e.g.
 * after an outage or a crash:
 *   npx medusa exec ./node_modules/medusa-plugin-affiliate/.medusa/server/src/scripts/reconcile-affiliate-commissions.js
 * It is the job itself (src/jobs/reconcile-affiliate-commissions.ts), so it
 * repairs exactly what the scheduled run would. Safe while the store runs and
 * safe to repeat: every write it makes is idempotent. The crash test
 * (integration-tests/reliability/crash.spec.ts) runs it after each restart.
 */
export default async function reconcileAffiliateCommissions({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  await reconcileAffiliateCommissionsJob(container)
  logger.info(`Affiliate reconciliation finished in ${Date.now() - started} ms`)
}
