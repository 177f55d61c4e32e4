import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acceptTermsStep } from "../steps/accept-terms"

export const acceptPartnerTermsWorkflowId = "accept-affiliate-terms"

/** This workflow records that a partner accepted the program terms in force (`version` must be that one). */
export const acceptPartnerTermsWorkflow = createWorkflow(
  acceptPartnerTermsWorkflowId,
  (input: { affiliate_id: string; version: number; now: Date }) => new WorkflowResponse(acceptTermsStep(input))
)
