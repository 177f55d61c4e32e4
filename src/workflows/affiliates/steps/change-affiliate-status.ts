import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, ChangeAffiliateStatusInput } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const changeAffiliateStatusStepId = "change-affiliate-status"

/**
 * This step approves, rejects, suspends or deactivates an affiliate. The
 * module checks the transition under the affiliate's row lock and writes the
 * audit entry in the same transaction; a refused transition changes nothing.
 * Approving a partner with no usable code gives it one made from its name.
 * Compensation puts the status back (logged too).
 */
export const changeAffiliateStatusStep = createStep(
  changeAffiliateStatusStepId,
  async (input: ChangeAffiliateStatusInput & { actor: AuditActor }, { container }) => {
    const { actor, ...change } = input
    const service = affiliateService(container)
    const { affiliate, previous, generated_code_id } = await service.changeAffiliateStatus(change, actor)
    // Codes resolve to their affiliate's status; don't serve a stale one.
    service.clearCodeCache()
    return new StepResponse(affiliate, { previous, actor, generated_code_id })
  },
  async (undo, { container }) => {
    if (!undo?.previous) {
      return
    }
    const service = affiliateService(container)
    // The code an approval made goes with it.
    if (undo.generated_code_id) {
      await service.deleteReferralCodes([undo.generated_code_id])
    }
    await service.restoreAffiliateStatus(undo.previous, undo.actor, UNDONE_REASON)
    service.clearCodeCache()
  }
)
