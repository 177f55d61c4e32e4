import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateReferralCodesStep, UpdateReferralCodeInput } from "../steps/update-referral-codes"

export const updateReferralCodesWorkflowId = "update-referral-codes"

/**
 * This workflow activates, deactivates or changes the expiry, promotion and
 * sales channels of referral codes.
 */
export const updateReferralCodesWorkflow = createWorkflow(
  updateReferralCodesWorkflowId,
  (input: { codes: UpdateReferralCodeInput[] }) => {
    const codes = updateReferralCodesStep(input.codes)
    return new WorkflowResponse(codes)
  }
)
