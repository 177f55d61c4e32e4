import { generateEntityId } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import { AffiliateEvents, type AuditActor } from "../../../types"
import { createAffiliatesStep } from "../steps/create-affiliates"

export type RegisterAffiliateInput = {
  auth_identity_id: string
  email: string
  name: string
  company?: string | null
  website?: string | null
  phone?: string | null
}

/** The auth actor type of partner logins: `/auth/affiliate/emailpass`. */
export const AFFILIATE_ACTOR = "affiliate"

export const registerAffiliateWorkflowId = "register-affiliate"

/**
 * This workflow signs a partner up through the portal (H1): a pending
 * affiliate for an admin to approve, tied to the login that registered it
 * (auth actor type `affiliate`), so every portal route knows whose data to
 * show. The audit log names the new partner as the actor of its own creation,
 * and `affiliate.created` is emitted once the workflow has succeeded.
 */
export const registerAffiliateWorkflow = createWorkflow(
  registerAffiliateWorkflowId,
  (input: RegisterAffiliateInput) => {
    // The id is made here so the audit entry can name the partner as its actor.
    const created = transform({ input }, ({ input }) => {
      const { auth_identity_id: _auth, ...profile } = input
      const id = generateEntityId(undefined, "aff")
      const actor: AuditActor = { actor_type: "affiliate", actor_id: id }
      return { affiliates: [{ ...profile, id, status: AffiliateStatus.PENDING }], actor }
    })
    const affiliates = createAffiliatesStep(created)
    const affiliate = transform({ affiliates }, ({ affiliates }) => affiliates[0])
    const metadata = transform({ input, affiliate }, ({ input, affiliate }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: AFFILIATE_ACTOR,
      value: affiliate.id as string,
    }))
    setAuthAppMetadataStep(metadata)
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    })
    return new WorkflowResponse(affiliate)
  }
)
