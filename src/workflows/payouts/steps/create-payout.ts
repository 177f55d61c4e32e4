import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutInput } from "../../../modules/affiliate/payouts"
import { PayoutStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

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
  async (payoutId, { container }) => {
    if (!payoutId) {
      return
    }
    await affiliateService(container).changePayoutStatus(payoutId, {
      to: PayoutStatus.CANCELED,
      reason: "The payout's workflow failed",
      actor: { actor_type: "system", actor_id: "create-affiliate-payout" },
      quietIfSettled: true,
    })
  }
)
