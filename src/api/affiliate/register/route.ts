import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { registerAffiliateWorkflow } from "../../../workflows/affiliates"
import { RegisterAffiliateType } from "../validators"

/**
 * Signs a partner up (H1): after `POST /auth/affiliate/emailpass/register`,
 * with that token, creates a pending affiliate under the login's email. Log
 * in again (`POST /auth/affiliate/emailpass`) for a token that carries it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<RegisterAffiliateType>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This login already belongs to an affiliate")
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [identity] } = await query.graph({
    entity: "auth_identity",
    fields: ["id", "provider_identities.entity_id", "provider_identities.provider"],
    filters: { id: req.auth_context.auth_identity_id },
  })
  const email = identity?.provider_identities?.find((p: any) => p?.provider === "emailpass")?.entity_id
  if (!email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Register with an email and password login first")
  }
  const { result } = await registerAffiliateWorkflow(req.scope).run({
    input: { ...req.validatedBody, email, auth_identity_id: req.auth_context.auth_identity_id },
  })
  res.status(201).json({ affiliate: { id: result.id, name: result.name, email: result.email, status: result.status } })
}
