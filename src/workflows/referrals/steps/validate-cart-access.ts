import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ReferralCart = {
  id: string
  email: string | null
  customer_id: string | null
  sales_channel_id: string | null
}

export const validateCartAccessStepId = "validate-cart-referral-access"

/**
 * This step loads the cart a referral is applied to or removed from, and
 * refuses a completed cart or a registered customer's cart requested by
 * someone else. Guest carts are reachable by whoever holds the cart id, as in
 * Medusa's own cart routes.
 */
export const validateCartAccessStep = createStep(
  validateCartAccessStepId,
  async (input: { cart_id: string; actor_id?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "email", "customer_id", "sales_channel_id", "completed_at", "customer.has_account"],
      filters: { id: input.cart_id },
    })
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    }
    if (cart.customer_id && cart.customer?.has_account && cart.customer_id !== input.actor_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `Cart ${cart.id} belongs to another customer`)
    }
    if (cart.completed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cart.id} is already completed; its referral can no longer change`
      )
    }
    return new StepResponse<ReferralCart>({
      id: cart.id,
      email: cart.email ?? null,
      customer_id: cart.customer_id ?? null,
      sales_channel_id: cart.sales_channel_id ?? null,
    })
  }
)
