import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendPartnerEmail, type SendPartnerEmailResult } from "../../../emails/send-partner-email"
import type { PartnerEmail } from "../partner-email"

export const sendPartnerEmailsStepId = "send-partner-emails"

/**
 * This step sends partner emails through the Notification Module, one by
 * one. It never fails the workflow: a store without a provider, or a provider
 * that fails, gets a warning (see `sendPartnerEmail`). Each email carries its
 * idempotency key, so a repeated event mails once. No compensation: an email
 * sent can't be taken back, and this step is always last.
 */
export const sendPartnerEmailsStep = createStep(
  sendPartnerEmailsStepId,
  async (emails: PartnerEmail[], { container }) => {
    const results: SendPartnerEmailResult[] = []
    for (const email of emails) {
      results.push(await sendPartnerEmail(container, email as Parameters<typeof sendPartnerEmail>[1]))
    }
    return new StepResponse(results)
  }
)
