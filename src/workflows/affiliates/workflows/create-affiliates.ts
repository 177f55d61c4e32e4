import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createAffiliatesStep, CreateAffiliateInput } from "../steps/create-affiliates"
import { validateParentAffiliatesStep } from "../steps/validate-parent-affiliate"

export const createAffiliatesWorkflowId = "create-affiliates"

/**
 * This workflow creates affiliates, after checking their parent affiliates exist.
 *
 * @example
 * const { result } = await createAffiliatesWorkflow(container).run({
 *   input: { affiliates: [{ name: "Ada", email: "ada@example.com", status: "active" }] },
 * })
 */
export const createAffiliatesWorkflow = createWorkflow(
  createAffiliatesWorkflowId,
  (input: { affiliates: CreateAffiliateInput[] }) => {
    validateParentAffiliatesStep(input.affiliates)
    const affiliates = createAffiliatesStep(input.affiliates)
    return new WorkflowResponse(affiliates)
  }
)
