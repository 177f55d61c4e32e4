import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"
import { CartAttributionData } from "./validate-cart-referral"

type AttributionUndo = { previous: Record<string, unknown> | null; created_id: string | null }

export const setCartAttributionStepId = "set-cart-attribution"

/**
 * This step stores who gets credit for a cart, replacing what it had.
 * Compensation puts the previous attribution back.
 */
export const setCartAttributionStep = createStep(
  setCartAttributionStepId,
  async (data: CartAttributionData, { container }) => {
    const service = affiliateService(container)
    const [previous] = await service.listAttributions({ cart_id: data.cart_id }, { take: 1 })
    if (previous) {
      const updated = await service.updateAttributions({ id: previous.id, ...data } as any)
      return new StepResponse<unknown, AttributionUndo>(updated, { previous, created_id: null })
    }
    const created = await service.createAttributions(data as any)
    return new StepResponse<unknown, AttributionUndo>(created, { previous: null, created_id: created.id })
  },
  async (undo: AttributionUndo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const service = affiliateService(container)
    if (undo.created_id) {
      await service.deleteAttributions(undo.created_id)
    } else if (undo.previous) {
      const { affiliate, ...previous } = undo.previous as any
      await service.updateAttributions(previous)
    }
  }
)
