import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INVALID_LINK } from "../../../modules/affiliate/accounts/account-changes"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../../workflows/affiliate-service"
import { verifyPartnerEmailWorkflow } from "../../../workflows/accounts"
import { sendApplicationReceivedEmail } from "../../utils/account-emails"
import { AccountTokenType } from "../validators"

/**
 * Uses an email verification link. Under `auto_approve` a pending partner is
 * approved now (the `approved` email comes from the approval's event);
 * otherwise a pending partner is told their application is being reviewed.
 * An unknown, used or expired link: 400 `token: this link is invalid, used or expired`.
 *
 * Only the login that signed up can use it (a session or bearer token of
 * that partner; 401 without one). A link is proof that this login's owner
 * reads the mailbox: if anyone could use it, someone who signed up under
 * another person's email would be verified (and, under `auto_approve`,
 * approved) by that person's click. Another partner's login gets the same
 * 400 as an unknown link.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AccountTokenType>, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  if ((await service.verificationLinkOwner(req.validatedBody.token, new Date())) !== req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID_LINK)
  }
  const { registration_mode } = await service.getProgramSettings()
  const { result: affiliate } = await verifyPartnerEmailWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, auto_approve: registration_mode === "auto_approve", now: new Date() },
  })
  if (affiliate.status === AffiliateStatus.PENDING) {
    await sendApplicationReceivedEmail(req.scope, affiliate)
  }
  res.json({ verified: true, status: affiliate.status })
}
