import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { composePayoutEmailStep } from "../steps/compose-payout-email"
import { sendPartnerEmailsStep } from "../steps/send-partner-emails"

export const sendPayoutEmailWorkflowId = "send-payout-email"

/**
 * This workflow tells a partner a payout was paid, once per payout.
 *
 * @example
 * await sendPayoutEmailWorkflow(container).run({ input: { payout_id } })
 */
export const sendPayoutEmailWorkflow = createWorkflow(sendPayoutEmailWorkflowId, (input: { payout_id: string }) => {
  return new WorkflowResponse(sendPartnerEmailsStep(composePayoutEmailStep(input)))
})
