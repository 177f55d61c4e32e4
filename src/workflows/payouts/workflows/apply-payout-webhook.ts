import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutNews } from "../../../modules/affiliate/payouts"
import { applyPayoutWebhookStep } from "../steps/apply-payout-webhook"
import { emitPayoutEvents } from "../steps/emit-payout-events"

export const applyAffiliatePayoutWebhookWorkflowId = "apply-affiliate-payout-webhook"

/**
 * This workflow applies a payout provider's webhook, as read by the provider
 * (`readPayoutWebhook`): marks the payout paid or failed. A redelivery
 * changes nothing and emits nothing.
 */
export const applyAffiliatePayoutWebhookWorkflow = createWorkflow(
  applyAffiliatePayoutWebhookWorkflowId,
  (input: { provider_id: string; news: PayoutNews }) => {
    const events = applyPayoutWebhookStep(input)
    emitPayoutEvents(events)
    return new WorkflowResponse(events)
  }
)
