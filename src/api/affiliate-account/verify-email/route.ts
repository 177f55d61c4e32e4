import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
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
 */
export const POST = async (req: MedusaRequest<AccountTokenType>, res: MedusaResponse) => {
  const { registration_mode } = await affiliateService(req.scope).getProgramSettings()
  const { result: affiliate } = await verifyPartnerEmailWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, auto_approve: registration_mode === "auto_approve", now: new Date() },
  })
  if (affiliate.status === AffiliateStatus.PENDING) {
    await sendApplicationReceivedEmail(req.scope, affiliate)
  }
  res.json({ verified: true, status: affiliate.status })
}
