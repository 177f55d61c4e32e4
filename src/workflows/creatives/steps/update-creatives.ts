import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, RecordSnapshot } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const updateCreativesStepId = "update-creatives"

/**
 * This step updates creatives, with a `creative.updated` audit entry for
 * each that changed. Compensation puts the changed fields back (logged too).
 */
export const updateCreativesStep = createStep(
  updateCreativesStepId,
  async (input: { creatives: RecordSnapshot[]; actor: AuditActor }, { container }) => {
    const { updated, previous } = await affiliateService(container).updateCreativesAudited(input.creatives, input.actor)
    return new StepResponse(updated, { previous, actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.previous?.length) {
      return
    }
    await affiliateService(container).updateCreativesAudited(undo.previous, undo.actor, UNDONE_REASON)
  }
)
