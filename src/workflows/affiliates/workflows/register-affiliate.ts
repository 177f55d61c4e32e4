import { generateEntityId } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import { AffiliateEvents, type AuditActor } from "../../../types"
import { issueAccountLinkStep } from "../../accounts/steps/issue-account-link"
import { createAffiliatesStep } from "../steps/create-affiliates"

export type RegisterAffiliateInput = {
  auth_identity_id: string
  email: string
  name: string
  company?: string | null
  website?: string | null
  phone?: string | null
  audience?: string | null
  /** The answers to the program's questions, already checked. */
  application?: { fields: Record<string, string | boolean> } | null
  /** The terms version accepted (checked to be the one in force), null without terms. */
  terms_version?: number | null
  locale?: string | null
  /** The clock (tests pass their own). */
  now: Date
}

/** The auth actor type of partner logins: `/auth/affiliate/emailpass`. */
export const AFFILIATE_ACTOR = "affiliate"

export const registerAffiliateWorkflowId = "register-affiliate"

/**
 * This workflow signs a partner up through the portal (H1): a pending
 * affiliate with its application, its email not verified yet, tied to the
 * login that registered it (auth actor type `affiliate`), so every portal
 * route knows whose data to show; and an email verification link (the
 * caller emails it). The audit log names the new partner as the actor of its
 * own creation, and `affiliate.created` is emitted once the workflow has succeeded.
 */
export const registerAffiliateWorkflow = createWorkflow(
  registerAffiliateWorkflowId,
  (input: RegisterAffiliateInput) => {
    // The id is made here so the audit entry can name the partner as its actor.
    const created = transform({ input }, ({ input }) => {
      const { auth_identity_id: _auth, now, terms_version, ...profile } = input
      const id = generateEntityId(undefined, "aff")
      const actor: AuditActor = { actor_type: "affiliate", actor_id: id }
      const terms = terms_version == null ? {} : { terms_version, terms_accepted_at: new Date(now) }
      return { affiliates: [{ ...profile, ...terms, id, status: AffiliateStatus.PENDING }], actor }
    })
    const affiliates = createAffiliatesStep(created)
    const affiliate = transform({ affiliates }, ({ affiliates }) => affiliates[0])
    const metadata = transform({ input, affiliate }, ({ input, affiliate }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: AFFILIATE_ACTOR,
      value: affiliate.id as string,
    }))
    setAuthAppMetadataStep(metadata)
    const verification = issueAccountLinkStep(
      transform({ input, affiliate }, ({ input, affiliate }) => ({
        affiliate_id: affiliate.id as string,
        kind: "verify_email" as const,
        now: input.now,
      }))
    )
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    })
    return new WorkflowResponse(
      transform({ affiliate, verification }, ({ affiliate, verification }) => ({
        affiliate,
        verification: { token: verification.token, expires_at: verification.expires_at },
      }))
    )
  }
)
