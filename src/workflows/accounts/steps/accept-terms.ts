import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const acceptTermsStepId = "accept-affiliate-terms"

/**
 * This step records a partner's acceptance of the terms in force (refused,
 * 400, for any other version). Compensation puts back what they had accepted before.
 */
export const acceptTermsStep = createStep(
  acceptTermsStepId,
  async (input: { affiliate_id: string; version: number; now: Date }, { container }) => {
    const accepted = await affiliateService(container).acceptTerms(input)
    return new StepResponse(accepted, { id: input.affiliate_id, ...accepted.previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await affiliateService(container).updateAffiliates([undo] as any[])
  }
)
