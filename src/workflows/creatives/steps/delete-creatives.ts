import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const deleteCreativesStepId = "delete-creatives"

/**
 * This step soft-deletes creatives, each with a `creative.deleted` audit
 * entry. Compensation restores them (logged too). The banner's file stays in
 * the File Module.
 */
export const deleteCreativesStep = createStep(
  deleteCreativesStepId,
  async (input: { ids: string[]; actor: AuditActor }, { container }) => {
    await affiliateService(container).deleteCreativesAudited(input.ids, input.actor)
    return new StepResponse(input.ids, input)
  },
  async (undo, { container }) => {
    if (!undo?.ids?.length) {
      return
    }
    await affiliateService(container).restoreCreativesAudited(undo.ids, undo.actor, UNDONE_REASON)
  }
)
