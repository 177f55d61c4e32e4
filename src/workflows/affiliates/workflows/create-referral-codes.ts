import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createReferralCodesStep, CreateReferralCodeInput } from "../steps/create-referral-codes"
import { validateCodeOwnersStep } from "../steps/validate-code-owners"

export const createReferralCodesWorkflowId = "create-referral-codes"

/**
 * This workflow gives affiliates referral codes, each with optional aliases.
 */
export const createReferralCodesWorkflow = createWorkflow(
  createReferralCodesWorkflowId,
  (input: { codes: CreateReferralCodeInput[] }) => {
    validateCodeOwnersStep(
      transform({ input }, ({ input }) => input.codes.map((code) => code.affiliate_id))
    )
    const codes = createReferralCodesStep(input.codes)
    return new WorkflowResponse(codes)
  }
)
