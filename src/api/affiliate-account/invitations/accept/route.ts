import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptPartnerInvitationWorkflow } from "../../../../workflows/accounts"
import { AcceptInvitationType } from "../../validators"

/**
 * Accepts an invitation once: the partner's email + password login is
 * created and bound to the invited affiliate, the email counts as verified,
 * and a pending invitee is approved. The portal then signs in with them.
 */
export const POST = async (req: MedusaRequest<AcceptInvitationType>, res: MedusaResponse) => {
  const { token, password } = req.validatedBody
  const { result } = await acceptPartnerInvitationWorkflow(req.scope).run({ input: { token, password, now: new Date() } })
  res.json({ email: result.email })
}
