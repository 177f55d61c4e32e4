import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutBatchInput } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"

export const runPayoutBatchStepId = "run-affiliate-payout-batch"

/**
 * This step runs a batch: every partner due a payout, each in its own
 * transaction under its lock. No compensation: each payout stands on its own
 * (a partner that failed is reported in the batch, not undone with the others).
 */
export const runPayoutBatchStep = createStep(
  runPayoutBatchStepId,
  async (input: CreatePayoutBatchInput, { container }) => {
    return new StepResponse(await affiliateService(container).runPayoutBatch(input))
  }
)
