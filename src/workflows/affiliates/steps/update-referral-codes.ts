import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type UpdateReferralCodeInput = {
  id: string
  is_active?: boolean
  expires_at?: Date | string | null
  promotion_id?: string | null
  sales_channel_ids?: string[] | null
}

export const updateReferralCodesStepId = "update-referral-codes"

/**
 * This step updates referral codes, keeping what they were for compensation.
 */
export const updateReferralCodesStep = createStep(
  updateReferralCodesStepId,
  async (data: UpdateReferralCodeInput[], { container }) => {
    const service = affiliateService(container)
    const fields = [...new Set(data.flatMap((row) => Object.keys(row)))]
    const before = await service.listReferralCodes(
      { id: data.map((row) => row.id) },
      { select: fields as any }
    )
    const updated = await service.updateReferralCodes(data as any)
    service.clearCodeCache()
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service = affiliateService(container)
    await service.updateReferralCodes(before as any)
    service.clearCodeCache()
  }
)
