import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutWebhookRequest } from "../../../types/payout-provider"
import { applyPayoutWebhookStep } from "../steps/apply-payout-webhook"
import { emitPayoutEvents } from "../steps/emit-payout-events"

export const applyAffiliatePayoutWebhookWorkflowId = "apply-affiliate-payout-webhook"

/** This workflow applies a payout provider's webhook (a redelivery changes nothing and emits nothing). */
export const applyAffiliatePayoutWebhookWorkflow = createWorkflow(
  applyAffiliatePayoutWebhookWorkflowId,
  (input: { provider_id: string; request: PayoutWebhookRequest }) => {
    const events = applyPayoutWebhookStep(input)
    emitPayoutEvents(events)
    return new WorkflowResponse(events)
  }
)
