import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateStatusAction } from "../../../modules/affiliate/utils/status-transitions"
import { updateAffiliatesStep } from "../steps/update-affiliates"
import { validateAffiliateStatusTransitionStep } from "../steps/validate-status-transition"

export const setAffiliateStatusWorkflowId = "set-affiliate-status"

/**
 * This workflow approves, rejects, suspends or deactivates an affiliate.
 * Nothing else changes: codes, attributions and ledger lines are kept.
 *
 * @example
 * await setAffiliateStatusWorkflow(container).run({ input: { id, action: "approve" } })
 */
export const setAffiliateStatusWorkflow = createWorkflow(
  setAffiliateStatusWorkflowId,
  (input: { id: string; action: AffiliateStatusAction }) => {
    const update = validateAffiliateStatusTransitionStep(input)
    const updated = updateAffiliatesStep(transform({ update }, ({ update }) => [update]))
    const affiliate = transform({ updated }, ({ updated }) => updated[0])
    return new WorkflowResponse(affiliate)
  }
)
