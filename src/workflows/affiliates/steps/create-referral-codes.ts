import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCode } from "../../../modules/affiliate/utils/codes"
import { affiliateService } from "../../affiliate-service"

export type CreateReferralCodeInput = {
  affiliate_id: string
  code: string
  aliases?: string[]
  is_active?: boolean
  expires_at?: Date | string | null
  promotion_id?: string | null
  sales_channel_ids?: string[] | null
  metadata?: Record<string, unknown> | null
}

export const createReferralCodesStepId = "create-referral-codes"

/**
 * This step creates referral codes and their aliases in one write, so a taken
 * alias leaves no half-created code behind.
 */
export const createReferralCodesStep = createStep(
  createReferralCodesStepId,
  async (data: CreateReferralCodeInput[], { container }) => {
    const rows = data.flatMap(({ aliases, ...code }) => {
      const id = generateEntityId(undefined, "afcode")
      return [
        { ...code, id, code: normalizeCode(code.code) },
        ...(aliases ?? []).map((alias) => ({
          affiliate_id: code.affiliate_id,
          code: normalizeCode(alias),
          alias_of_id: id,
        })),
      ]
    })
    const service = affiliateService(container)
    const created = await service.createReferralCodes(rows as any[])
    service.clearCodeCache()
    return new StepResponse(
      created.filter((code) => !code.alias_of_id),
      created.map((code) => code.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = affiliateService(container)
    await service.deleteReferralCodes(ids)
    service.clearCodeCache()
  }
)
