import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { issueAccountLinkWorkflow } from "../../../../../workflows/accounts"
import { sendInvitationEmail } from "../../../../utils/account-emails"
import { adminActor } from "../../../../utils/audit-actor"
import { hasPartnerLogin } from "../../../../utils/partner-login"
import { refetchAffiliate } from "../../helpers"

/**
 * Invites a partner to the portal: emails a link (valid 7 days) to set a
 * password; older unused invitations stop working. Refused (400) when the
 * partner already has a login: they sign in, or reset their password.
 * Audited as `affiliate.invited`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate = await refetchAffiliate(req.scope, req.params.id, ["id", "email"])
  if (await hasPartnerLogin(req.scope, affiliate)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This affiliate already has a login; they can sign in or reset their password")
  }
  const { result } = await issueAccountLinkWorkflow(req.scope).run({
    input: { affiliate_id: affiliate.id, kind: "invitation", now: new Date(), actor: adminActor(req) },
  })
  await sendInvitationEmail(req.scope, result.affiliate, result)
  res.status(201).json({ invitation: { email: result.affiliate.email, expires_at: result.expires_at } })
}
