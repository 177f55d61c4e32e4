import { PromotionActions } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { setCartAttributionStep } from "../steps/set-cart-attribution"
import { validateCartAccessStep } from "../steps/validate-cart-access"
import { CartReferralInput, validateCartReferralStep } from "../steps/validate-cart-referral"

export type ApplyCartReferralWorkflowInput = CartReferralInput & {
  cart_id: string
  /** The authenticated customer making the request, if any. */
  actor_id?: string | null
}

export const applyCartReferralWorkflowId = "apply-cart-referral"

/**
 * This workflow credits a cart to an affiliate, from a code the shopper typed
 * or a click token the storefront kept. The attribution lives in the plugin's
 * own table, never in `cart.metadata`, which the shopper can write. A code
 * with a linked promotion also applies that promotion to the cart.
 *
 * @example
 * await applyCartReferralWorkflow(container).run({ input: { cart_id, code: "ADA10" } })
 */
export const applyCartReferralWorkflow = createWorkflow(
  applyCartReferralWorkflowId,
  (input: ApplyCartReferralWorkflowInput) => {
    const cart = validateCartAccessStep({ cart_id: input.cart_id, actor_id: input.actor_id })
    const referral = validateCartReferralStep(
      transform({ input, cart }, ({ input, cart }) => ({
        cart,
        code: input.code,
        token: input.token,
      }))
    )

    when({ referral }, ({ referral }) => !!referral.attribution).then(() => {
      setCartAttributionStep(
        transform({ referral }, ({ referral }) => referral.attribution!)
      )
    })

    when({ referral }, ({ referral }) => !!referral.promotion_code).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ input, referral }, ({ input, referral }) => ({
          cart_id: input.cart_id,
          promo_codes: [referral.promotion_code!],
          action: PromotionActions.ADD,
        })),
      })
    })

    return new WorkflowResponse(referral)
  }
)
