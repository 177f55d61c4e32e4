import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateAffiliatesStep, UpdateAffiliateInput } from "../steps/update-affiliates"
import { validateParentAffiliatesStep } from "../steps/validate-parent-affiliate"

export const updateAffiliatesWorkflowId = "update-affiliates"

/**
 * This workflow updates affiliates' profiles. Status changes go through
 * `setAffiliateStatusWorkflow`, which checks the transition.
 */
export const updateAffiliatesWorkflow = createWorkflow(
  updateAffiliatesWorkflowId,
  (input: { affiliates: UpdateAffiliateInput[] }) => {
    validateParentAffiliatesStep(input.affiliates)
    const affiliates = updateAffiliatesStep(input.affiliates)
    return new WorkflowResponse(affiliates)
  }
)
