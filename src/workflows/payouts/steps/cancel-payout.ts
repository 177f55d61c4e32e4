import type { MedusaContainer } from "@medusajs/framework/types"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

/**
 * The compensation of a step that created a payout: cancel it, which gives
 * its amount back with ledger lines (nothing deleted). A payout that already
 * moved on (paid by its provider) is left as it is.
 */
export async function cancelPayoutOnRollback(container: MedusaContainer, payoutId: string | undefined, stepId: string) {
  if (!payoutId) {
    return
  }
  await affiliateService(container).changePayoutStatus(payoutId, {
    to: PayoutStatus.CANCELED,
    reason: `Rolled back: the ${stepId} workflow failed`,
    actor: { actor_type: "system", actor_id: stepId },
    quietIfSettled: true,
  })
}
