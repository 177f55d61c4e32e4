import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { composeStatusEmailStep, type StatusEmailInput } from "../steps/compose-status-email"
import { sendPartnerEmailsStep } from "../steps/send-partner-emails"

export const sendPartnerStatusEmailWorkflowId = "send-partner-status-email"

/**
 * This workflow emails a partner their approval (with their code) or their
 * rejection (with the reason), once per partner whatever the event bus
 * repeats.
 *
 * @example
 * await sendPartnerStatusEmailWorkflow(container).run({ input: { affiliate_id, status: "approved" } })
 */
export const sendPartnerStatusEmailWorkflow = createWorkflow(sendPartnerStatusEmailWorkflowId, (input: StatusEmailInput) => {
  return new WorkflowResponse(sendPartnerEmailsStep(composeStatusEmailStep(input)))
})
