import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutStatusChange } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"

export const changePayoutStatusStepId = "change-affiliate-payout-status"

/**
 * This step moves a payout (mark paid, fail, cancel), writing the ledger
 * lines the move needs in the same transaction. No compensation: a failed
 * or canceled payout is final (it is retried by a new payout).
 */
export const changePayoutStatusStep = createStep(
  changePayoutStatusStepId,
  async (input: { id: string; change: PayoutStatusChange }, { container }) => {
    const { payout, changed } = await affiliateService(container).changePayoutStatus(input.id, input.change)
    return new StepResponse({ id: payout.id, affiliate_id: payout.affiliate_id, status: payout.status, changed })
  }
)
