import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountTokenKind, AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"

export const issueAccountLinkStepId = "issue-affiliate-account-link"

/**
 * This step issues a verification or invitation link for a partner (older
 * unused links of its kind stop working). Compensation voids it, and puts
 * `invited_at` back.
 */
export const issueAccountLinkStep = createStep(
  issueAccountLinkStepId,
  async (input: { affiliate_id: string; kind: AccountTokenKind; now: Date; actor?: AuditActor }, { container }) => {
    const issued = await affiliateService(container).issueAccountLink(input)
    return new StepResponse(issued, {
      token_id: issued.token_id,
      affiliate_id: input.affiliate_id,
      kind: input.kind,
      previous_invited_at: issued.previous_invited_at,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    await affiliateService(container).undoIssuedAccountLink(undo, new Date())
  }
)
