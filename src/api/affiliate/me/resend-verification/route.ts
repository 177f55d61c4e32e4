import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueAccountLinkWorkflow } from "../../../../workflows/accounts"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { sendVerificationEmail } from "../../../utils/account-emails"

/**
 * Emails the partner a new verification link (older ones stop working).
 * 202 either way: a partner already verified gets no email.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.auth_context.actor_id
  const [affiliate] = await affiliateService(req.scope).listAffiliates({ id }, { select: ["id", "email_verified_at"] })
  if (affiliate && !affiliate.email_verified_at) {
    const { result } = await issueAccountLinkWorkflow(req.scope).run({
      input: { affiliate_id: id, kind: "verify_email", now: new Date() },
    })
    await sendVerificationEmail(req.scope, result.affiliate, result)
  }
  res.status(202).json({ message: "If your email is not verified yet, a new link is on its way." })
}
