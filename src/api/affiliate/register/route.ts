import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../../workflows/affiliate-service"
import { registerAffiliateWorkflow } from "../../../workflows/affiliates"
import { RegisterAffiliateType } from "../validators"

/**
 * Signs a partner up (H1): after `POST /auth/affiliate/emailpass/register`,
 * with that token, creates a pending affiliate under the login's email. Log
 * in again (`POST /auth/affiliate/emailpass`) for a token that carries it.
 *
 * The answer is the same 202 whether the email was free or already a
 * partner's, so the route can't be used to find out who is a partner
 * (anyone can get a login token for any email: there is no email
 * verification yet). A taken email gets no affiliate; linking such a login
 * to the partner waits for email verification or invitations.
 */
export const POST = async (req: AuthenticatedMedusaRequest<RegisterAffiliateType>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This login already belongs to an affiliate")
  }
  // The program setting `registration_mode` (G5): a closed program takes no applications.
  if ((await affiliateService(req.scope).getProgramSettings()).registration_mode === "closed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "registration_mode: the partner program is not taking applications")
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
  const [taken] = await affiliateService(req.scope).listAffiliates({ email: email.trim().toLowerCase() }, { select: ["id"] })
  if (!taken) {
    try {
      await registerAffiliateWorkflow(req.scope).run({
        input: { ...req.validatedBody, email, auth_identity_id: req.auth_context.auth_identity_id },
      })
    } catch (e) {
      // Another request took the email in between: answer as for any taken email.
      if (!(e instanceof MedusaError && e.type === MedusaError.Types.DUPLICATE_ERROR) && !/already exists/.test(String((e as Error)?.message))) {
        throw e
      }
    }
  }
  res.status(202).json({
    application: { email, status: "received" },
    message: "Application received. Sign in again to see your partner account once it is set up.",
  })
}
