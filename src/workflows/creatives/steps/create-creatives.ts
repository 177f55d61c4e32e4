import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, CreateCreativeInput } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const createCreativesStepId = "create-creatives"

/**
 * This step creates creatives, each with a `creative.created` audit entry.
 * Compensation deletes them (logged too).
 */
export const createCreativesStep = createStep(
  createCreativesStepId,
  async (input: { creatives: CreateCreativeInput[]; actor: AuditActor }, { container }) => {
    const created = await affiliateService(container).createCreativesAudited(input.creatives, input.actor)
    return new StepResponse(created, { ids: created.map((creative) => creative.id), actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.ids?.length) {
      return
    }
    await affiliateService(container).deleteCreativesAudited(undo.ids, undo.actor, UNDONE_REASON)
  }
)
