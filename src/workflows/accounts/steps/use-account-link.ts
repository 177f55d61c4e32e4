import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountTokenKind } from "../../../types"
import { affiliateService } from "../../affiliate-service"

export const useAccountLinkStepId = "use-affiliate-account-link"

/**
 * This step uses a verification or invitation link once and marks the
 * partner's email verified; an unknown, used or expired link is refused
 * (400). Compensation makes the link usable again and the email as it was.
 */
export const useAccountLinkStep = createStep(
  useAccountLinkStepId,
  async (input: { token: string; kind: AccountTokenKind; now: Date }, { container }) => {
    const used = await affiliateService(container).useAccountLink(input)
    return new StepResponse(used.affiliate, {
      token_id: used.token_id,
      used_at: used.used_at,
      previous_verified_at: used.previous_verified_at,
      affiliate_id: used.affiliate.id,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    await affiliateService(container).undoAccountLink(undo)
  }
)
