import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { removeCartAttributionStep } from "../steps/remove-cart-attribution"
import { validateCartAccessStep } from "../steps/validate-cart-access"

export const removeCartReferralWorkflowId = "remove-cart-referral"

/**
 * This workflow removes the referral from a cart that is not yet an order.
 */
export const removeCartReferralWorkflow = createWorkflow(
  removeCartReferralWorkflowId,
  (input: { cart_id: string; actor_id?: string | null }) => {
    validateCartAccessStep(input)
    const id = removeCartAttributionStep({ cart_id: input.cart_id })
    return new WorkflowResponse(id)
  }
)
