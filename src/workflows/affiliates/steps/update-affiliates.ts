import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, RecordSnapshot } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export type UpdateAffiliateInput = RecordSnapshot

export const updateAffiliatesStepId = "update-affiliates"

/**
 * This step updates affiliates' profiles, with an `affiliate.updated` audit
 * entry for each that changed. Compensation puts the changed fields back (logged too).
 */
export const updateAffiliatesStep = createStep(
  updateAffiliatesStepId,
  async (input: { affiliates: UpdateAffiliateInput[]; actor: AuditActor }, { container }) => {
    const service = affiliateService(container)
    const { updated, previous } = await service.updateAffiliatesAudited(input.affiliates, input.actor)
    // Codes resolve to their affiliate; don't serve a stale one.
    service.clearCodeCache()
    return new StepResponse(updated, { previous, actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.previous?.length) {
      return
    }
    const service = affiliateService(container)
    await service.updateAffiliatesAudited(undo.previous, undo.actor, UNDONE_REASON)
    service.clearCodeCache()
  }
)
