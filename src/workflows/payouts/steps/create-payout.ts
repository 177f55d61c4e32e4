import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutInput } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"
import { cancelPayoutOnRollback } from "./cancel-payout"

export const createPayoutStepId = "create-affiliate-payout"

/**
 * This step creates a pending payout: in one transaction that locks the
 * affiliate, it checks the balance is due, creates the payout and settles its
 * lines. Compensation cancels it, which gives its amount back with ledger
 * lines (nothing is deleted).
 */
export const createPayoutStep = createStep(
  createPayoutStepId,
  async (input: CreatePayoutInput, { container }) => {
    const payout = await affiliateService(container).createPayout(input)
    return new StepResponse({ id: payout.id, affiliate_id: payout.affiliate_id as string }, payout.id)
  },
  async (payoutId, { container }) => await cancelPayoutOnRollback(container, payoutId, createPayoutStepId)
)
