import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkApplicationAnswers, checkTermsAccepted } from "../../../modules/affiliate/accounts/application"
import type { RegistrationMode } from "../../../modules/affiliate/settings"
import { affiliateService } from "../../../workflows/affiliate-service"
import { registerAffiliateWorkflow } from "../../../workflows/affiliates"
import { sendVerificationEmail } from "../../utils/account-emails"
import { RegisterPartnerType } from "../validators"

/** Why a mode takes no sign-ups. */
const REFUSED: Partial<Record<RegistrationMode, string>> = {
  invite_only: "registration_mode: the partner program takes partners by invitation only",
  closed: "registration_mode: the partner program is not taking applications",
}

/**
 * Signs a partner up (H1, B1): after `POST /auth/affiliate/emailpass/register`,
 * with that token, creates a pending affiliate under the login's email, with
 * the answers to the program's questions and the terms version accepted, and
 * emails a verification link. What happens next depends on
 * `registration_mode` (at verification: approved at once, or reviewed).
 *
 * The answer is the same 202 whether the email was free or already a
 * partner's, so the route can't be used to find out who is a partner; the
 * checks of the body come first, so a refusal can't tell either. A taken
 * email gets no affiliate and no email.
 */
export const POST = async (req: AuthenticatedMedusaRequest<RegisterPartnerType>, res: MedusaResponse) => {
  if (req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This login already belongs to an affiliate")
  }
  const service = affiliateService(req.scope)
  const settings = await service.getProgramSettings()
  const refused = REFUSED[settings.registration_mode]
  if (refused) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refused)
  }
  const now = new Date()
  const { fields, terms_version, ...profile } = req.validatedBody
  const answers = checkApplicationAnswers(settings.application_fields, fields ?? {})
  const terms = await service.retrieveTermsInForce(now)
  checkTermsAccepted(terms?.version ?? null, terms_version)

  const email = await loginEmail(req)
  const [taken] = await service.listAffiliates({ email: email.trim().toLowerCase() }, { select: ["id"] })
  if (!taken) {
    try {
      const { result } = await registerAffiliateWorkflow(req.scope).run({
        input: {
          ...profile,
          email,
          application: { fields: answers },
          terms_version: terms ? terms.version : null,
          auth_identity_id: req.auth_context.auth_identity_id,
          now,
        },
      })
      await sendVerificationEmail(req.scope, result.affiliate, result.verification)
    } catch (e) {
      // Another request took the email in between: answer as for any taken email.
      if (!(e instanceof MedusaError && e.type === MedusaError.Types.DUPLICATE_ERROR) && !/already exists/.test(String((e as Error)?.message))) {
        throw e
      }
    }
  }
  res.status(202).json({
    application: { email, status: "received" },
    message: "Application received. Check your inbox for a link to verify your email.",
  })
}

/** The email of the `emailpass` login making the request. */
async function loginEmail(req: AuthenticatedMedusaRequest): Promise<string> {
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
  return email
}
