import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { composePasswordResetEmailStep, type PasswordResetEvent } from "../steps/compose-password-reset-email"
import { sendPartnerEmailsStep } from "../steps/send-partner-emails"

export const sendPartnerPasswordResetEmailWorkflowId = "send-partner-password-reset-email"

/**
 * This workflow emails a partner the portal's password-reset link for
 * Medusa's reset token; other actor types are left to whoever handles them.
 *
 * @example
 * await sendPartnerPasswordResetEmailWorkflow(container).run({ input: { entity_id: email, actor_type: "affiliate", token } })
 */
export const sendPartnerPasswordResetEmailWorkflow = createWorkflow(
  sendPartnerPasswordResetEmailWorkflowId,
  (input: PasswordResetEvent) => {
    return new WorkflowResponse(sendPartnerEmailsStep(composePasswordResetEmailStep(input)))
  }
)
