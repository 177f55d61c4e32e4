import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteReferralLinkWorkflow, updateReferralLinkWorkflow } from "../../../../workflows/links"
import { referralLinksResponse } from "../../../admin/affiliate-links/helpers"
import { UpdateReferralLinkType } from "../../../admin/affiliate-links/validators"

// Another partner's link answers 404, exactly like a link that doesn't exist.
export const POST = async (req: AuthenticatedMedusaRequest<UpdateReferralLinkType>, res: MedusaResponse) => {
  await updateReferralLinkWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, affiliate_id: req.auth_context.actor_id },
  })
  const [referral_link] = await referralLinksResponse(req.scope, { id: req.params.id })
  res.json({ referral_link })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteReferralLinkWorkflow(req.scope).run({
    input: { id: req.params.id, affiliate_id: req.auth_context.actor_id },
  })
  res.json({ id: req.params.id, object: "referral_link", deleted: true })
}
