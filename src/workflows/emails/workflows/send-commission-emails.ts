import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { composeCommissionEmailsStep } from "../steps/compose-commission-emails"
import { sendPartnerEmailsStep } from "../steps/send-partner-emails"

export const sendCommissionEmailsWorkflowId = "send-commission-emails"

/**
 * This workflow tells partners about new commission: one email per positive
 * sale or lead line, once per line.
 *
 * @example
 * await sendCommissionEmailsWorkflow(container).run({ input: { line_ids: [id] } })
 */
export const sendCommissionEmailsWorkflow = createWorkflow(sendCommissionEmailsWorkflowId, (input: { line_ids: string[] }) => {
  return new WorkflowResponse(sendPartnerEmailsStep(composeCommissionEmailsStep(input)))
})
