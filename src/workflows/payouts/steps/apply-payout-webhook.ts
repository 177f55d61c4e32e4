import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutEvents, PayoutNews } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"
import { eventsOf } from "./events-of"

export const applyPayoutWebhookStepId = "apply-affiliate-payout-webhook"

/** This step applies what a provider's webhook said about a payout (read and verified by the route). */
export const applyPayoutWebhookStep = createStep(
  applyPayoutWebhookStepId,
  async (input: { provider_id: string; news: PayoutNews }, { container }) => {
    const moved = await affiliateService(container).applyPayoutNews(input.provider_id, input.news)
    return new StepResponse<PayoutEvents>(eventsOf([moved]))
  }
)
