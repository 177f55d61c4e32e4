import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const removeCartAttributionStepId = "remove-cart-attribution"

/**
 * This step removes a cart's referral. Compensation restores it.
 */
export const removeCartAttributionStep = createStep(
  removeCartAttributionStepId,
  async (input: { cart_id: string }, { container }) => {
    const service = affiliateService(container)
    const [attribution] = await service.listAttributions({ cart_id: input.cart_id }, { take: 1 })
    if (!attribution) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Cart ${input.cart_id} has no referral to remove`
      )
    }
    if (attribution.order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${input.cart_id} is already an order; its referral can't be removed`
      )
    }
    await service.softDeleteAttributions(attribution.id)
    return new StepResponse(attribution.id, attribution.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await affiliateService(container).restoreAttributions(id)
  }
)
