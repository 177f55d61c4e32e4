import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import { AffiliateEvents } from "../../../types"
import { changeAffiliateStatusStep } from "../../affiliates/steps/change-affiliate-status"
import { AFFILIATE_ACTOR } from "../../affiliates/workflows/register-affiliate"
import { createPartnerLoginStep } from "../steps/create-partner-login"
import { useAccountLinkStep } from "../steps/use-account-link"

export const acceptPartnerInvitationWorkflowId = "accept-affiliate-invitation"

export type AcceptPartnerInvitationInput = { token: string; password: string; now: Date }

/**
 * This workflow accepts an invitation: uses its link once (the email is
 * verified by it), creates the partner's email + password login with the
 * Auth Module and binds it to the affiliate (`app_metadata.affiliate_id`),
 * and approves a pending invitee (first code, `affiliate.approved`). A failed
 * step takes back the ones before it: the link works again and no login is left.
 */
export const acceptPartnerInvitationWorkflow = createWorkflow(
  acceptPartnerInvitationWorkflowId,
  (input: AcceptPartnerInvitationInput) => {
    const affiliate = useAccountLinkStep(
      transform({ input }, ({ input }) => ({ token: input.token, kind: "invitation" as const, now: input.now }))
    )
    const login = createPartnerLoginStep(
      transform({ input, affiliate }, ({ input, affiliate }) => ({ email: affiliate.email, password: input.password }))
    )
    setAuthAppMetadataStep(
      transform({ login, affiliate }, ({ login, affiliate }) => ({
        authIdentityId: login.auth_identity_id,
        actorType: AFFILIATE_ACTOR,
        value: affiliate.id,
      }))
    )
    when({ affiliate }, ({ affiliate }) => affiliate.status === AffiliateStatus.PENDING).then(() => {
      const changed = changeAffiliateStatusStep(
        transform({ affiliate, input }, ({ affiliate, input }) => ({
          id: affiliate.id,
          action: "approve" as const,
          reason: "invitation accepted",
          now: input.now,
          actor: { actor_type: "affiliate" as const, actor_id: affiliate.id },
        }))
      )
      emitEventStep({
        eventName: AffiliateEvents.AFFILIATE_APPROVED,
        data: transform({ changed }, ({ changed }) => ({ id: changed.id })),
      }).config({ name: "emit-affiliate-approved-on-invitation" })
    })
    return new WorkflowResponse(transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id, email: affiliate.email })))
  }
)
