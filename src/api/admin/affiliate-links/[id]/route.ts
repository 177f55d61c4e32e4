import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteReferralLinkWorkflow, updateReferralLinkWorkflow } from "../../../../workflows/links"
import { referralLinksResponse } from "../helpers"
import { UpdateReferralLinkType } from "../validators"

export const POST = async (req: AuthenticatedMedusaRequest<UpdateReferralLinkType>, res: MedusaResponse) => {
  await updateReferralLinkWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const [referral_link] = await referralLinksResponse(req.scope, { id: req.params.id })
  res.json({ referral_link })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteReferralLinkWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "referral_link", deleted: true })
}
