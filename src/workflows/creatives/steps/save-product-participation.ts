import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, SaveProductParticipationInput } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const saveProductParticipationStepId = "save-product-participation"

/**
 * This step saves a product's portal visibility and landing page, with a
 * `product_participation.changed` audit entry. Compensation saves what was there before.
 */
export const saveProductParticipationStep = createStep(
  saveProductParticipationStepId,
  async (input: { participation: SaveProductParticipationInput; actor: AuditActor }, { container }) => {
    const saved = await affiliateService(container).saveProductParticipation(input.participation, input.actor)
    return new StepResponse(saved.participation, { previous: saved.previous, actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.previous) {
      return
    }
    await affiliateService(container).saveProductParticipation(undo.previous, undo.actor, UNDONE_REASON)
  }
)
