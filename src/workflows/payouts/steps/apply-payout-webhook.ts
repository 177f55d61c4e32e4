import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutEvents } from "../../../modules/affiliate/payouts"
import type { PayoutWebhookRequest } from "../../../types/payout-provider"
import { affiliateService } from "../../affiliate-service"
import { eventsOf } from "./events-of"

export const applyPayoutWebhookStepId = "apply-affiliate-payout-webhook"

/** This step hands a webhook to its provider, which verifies it, and applies what it says. */
export const applyPayoutWebhookStep = createStep(
  applyPayoutWebhookStepId,
  async (input: { provider_id: string; request: PayoutWebhookRequest }, { container }) => {
    const moved = await affiliateService(container).handlePayoutWebhook(input.provider_id, input.request)
    return new StepResponse<PayoutEvents>(eventsOf([moved]))
  }
)
