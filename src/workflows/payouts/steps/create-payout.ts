import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutInput } from "../../../modules/affiliate/service"
import { CommissionStatus, PayoutStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

export const createPayoutStepId = "create-affiliate-payout"

/**
 * This step pays an affiliate: in one transaction that locks the affiliate, it
 * computes the balance, creates the payout and marks the lines it settles.
 * Compensation cancels the payout and releases its lines; the carry lines it
 * wrote are rejected rather than deleted.
 */
export const createPayoutStep = createStep(
  createPayoutStepId,
  async (input: CreatePayoutInput, { container }) => {
    const payout = await affiliateService(container).createPayout(input)
    return new StepResponse(payout, payout.id)
  },
  async (payoutId, { container }) => {
    if (!payoutId) {
      return
    }
    const service = affiliateService(container)
    const lines = await service.listCommissionLines({ payout_id: payoutId }, { select: ["id", "type"] })
    const carried = await service.listCommissionLines(
      { reference: `payout:${payoutId}`, payout_id: null },
      { select: ["id"] }
    )
    await service.updateCommissionLines([
      ...lines.map((line) =>
        line.type === "adjustment"
          ? { id: line.id, status: CommissionStatus.REJECTED, payout_id: null }
          : { id: line.id, status: CommissionStatus.APPROVED, payout_id: null }
      ),
      ...carried.map((line) => ({ id: line.id, status: CommissionStatus.REJECTED })),
    ] as any)
    await service.updatePayouts({ id: payoutId, status: PayoutStatus.CANCELED })
  }
)
