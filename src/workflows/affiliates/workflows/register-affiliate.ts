import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { AffiliateStatus } from "../../../modules/affiliate/types"
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
 * (auth actor type `affiliate`), so every portal route knows whose data to show.
 */
export const registerAffiliateWorkflow = createWorkflow(
  registerAffiliateWorkflowId,
  (input: RegisterAffiliateInput) => {
    const rows = transform({ input }, ({ input }) => {
      const { auth_identity_id: _auth, ...profile } = input
      return [{ ...profile, status: AffiliateStatus.PENDING }]
    })
    const created = createAffiliatesStep(rows)
    const affiliate = transform({ created }, ({ created }) => created[0])
    const metadata = transform({ input, affiliate }, ({ input, affiliate }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: AFFILIATE_ACTOR,
      value: affiliate.id as string,
    }))
    setAuthAppMetadataStep(metadata)
    return new WorkflowResponse(affiliate)
  }
)
