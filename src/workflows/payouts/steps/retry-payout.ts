import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryPayoutInput } from "../../../modules/affiliate/payouts"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

export const retryPayoutStepId = "retry-affiliate-payout"

/** This step creates the payout that retries a failed or canceled one; compensation cancels it. */
export const retryPayoutStep = createStep(
  retryPayoutStepId,
  async (input: { id: string } & RetryPayoutInput, { container }) => {
    const { id, ...retry } = input
    const payout = await affiliateService(container).retryPayout(id, retry)
    return new StepResponse(payout, payout.id)
  },
  async (payoutId, { container }) => {
    if (!payoutId) {
      return
    }
    await affiliateService(container).changePayoutStatus(payoutId, {
      to: PayoutStatus.CANCELED,
      reason: "The retry's workflow failed",
      actor: { actor_type: "system", actor_id: "retry-affiliate-payout" },
      quietIfSettled: true,
    })
  }
)
