import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import { AffiliateEvents } from "../../../types"
import { changeAffiliateStatusStep } from "../../affiliates/steps/change-affiliate-status"
import { useAccountLinkStep } from "../steps/use-account-link"

export const verifyPartnerEmailWorkflowId = "verify-affiliate-email"

export type VerifyPartnerEmailInput = {
  token: string
  /** `registration_mode` is `auto_approve`: a pending partner is approved now. */
  auto_approve: boolean
  now: Date
}

/**
 * This workflow uses an email verification link once and marks the partner's
 * email verified. Under `auto_approve`, a pending partner is approved too
 * (first code generated, `affiliate.approved` emitted, whose subscriber sends
 * the `approved` email). If the approval fails the link works again.
 */
export const verifyPartnerEmailWorkflow = createWorkflow(verifyPartnerEmailWorkflowId, (input: VerifyPartnerEmailInput) => {
  const affiliate = useAccountLinkStep(
    transform({ input }, ({ input }) => ({ token: input.token, kind: "verify_email" as const, now: input.now }))
  )
  const approved = when({ input, affiliate }, ({ input, affiliate }) => input.auto_approve && affiliate.status === AffiliateStatus.PENDING).then(
    () => {
      const changed = changeAffiliateStatusStep(
        transform({ affiliate, input }, ({ affiliate, input }) => ({
          id: affiliate.id,
          action: "approve" as const,
          reason: "registration_mode: auto_approve",
          now: input.now,
          actor: { actor_type: "system" as const, actor_id: verifyPartnerEmailWorkflowId },
        }))
      )
      emitEventStep({
        eventName: AffiliateEvents.AFFILIATE_APPROVED,
        data: transform({ changed }, ({ changed }) => ({ id: changed.id })),
      })
      return changed
    }
  )
  const result = transform({ affiliate, approved }, ({ affiliate, approved }) => ({
    ...affiliate,
    status: (approved as { status?: string } | undefined)?.status ?? affiliate.status,
  }))
  return new WorkflowResponse(result)
})
