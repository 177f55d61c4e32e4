import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryPayoutInput } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"
import { cancelPayoutOnRollback } from "./cancel-payout"

export const retryPayoutStepId = "retry-affiliate-payout"

/** This step creates the payout that retries a failed or canceled one; compensation cancels it. */
export const retryPayoutStep = createStep(
  retryPayoutStepId,
  async (input: { id: string } & RetryPayoutInput, { container }) => {
    const { id, ...retry } = input
    const payout = await affiliateService(container).retryPayout(id, retry)
    return new StepResponse(payout, payout.id)
  },
  async (payoutId, { container }) => await cancelPayoutOnRollback(container, payoutId, retryPayoutStepId)
)
