import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IdempotencyFence } from "../../../modules/affiliate/idempotency/keys"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"
import { roundAmount } from "../../../modules/affiliate/utils/money"
import { affiliateService } from "../../affiliate-service"

export type ManualLineInput = {
  affiliate_id: string
  type: CommissionType.ADJUSTMENT | CommissionType.BONUS
  amount: number
  currency_code: string
  reason: string
  status?: CommissionStatus.APPROVED | CommissionStatus.PENDING
  order_id?: string | null
  created_by?: string | null
}

export type CreateManualLinesInput = {
  lines: ManualLineInput[]
  /** The request's `Idempotency-Key` claim: the lines are written only under it. */
  idempotency?: IdempotencyFence
}

export const createManualLinesStepId = "create-manual-commission-lines"

/**
 * This step writes adjustments and bonuses an admin made by hand, each with
 * its reason and the admin who made it.
 */
export const createManualLinesStep = createStep(
  createManualLinesStepId,
  async ({ lines: data, idempotency }: CreateManualLinesInput, { container }) => {
    const service = affiliateService(container)
    const ids = [...new Set(data.map((line) => line.affiliate_id))]
    const found = await service.listAffiliates({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((affiliate) => affiliate.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${missing.join(", ")} was not found`)
    }
    const now = new Date()
    const created = await service.createManualLines(
      data.map(({ status = CommissionStatus.APPROVED, ...line }) => ({
        ...line,
        status,
        amount: roundAmount(line.amount, line.currency_code).toString(),
        currency_code: line.currency_code.toLowerCase(),
        reference: "manual",
        approved_at: status === CommissionStatus.APPROVED ? now : null,
      })),
      idempotency
    )
    return new StepResponse(created, created.map((line) => line.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(ids)
  }
)
