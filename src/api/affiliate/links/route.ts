import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createReferralLinkWorkflow } from "../../../workflows/links"
import { referralLinksResponse } from "../../admin/affiliate-links/helpers"
import { CreateReferralLinkType } from "../../admin/affiliate-links/validators"

/** The partner's own redirect links (H3). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const referral_links = await referralLinksResponse(req.scope, { affiliate_id: req.auth_context.actor_id })
  res.json({ referral_links, count: referral_links.length })
}

export const POST = async (req: AuthenticatedMedusaRequest<CreateReferralLinkType>, res: MedusaResponse) => {
  const { result } = await createReferralLinkWorkflow(req.scope).run({
    input: { ...req.validatedBody, affiliate_id: req.auth_context.actor_id },
  })
  const [referral_link] = await referralLinksResponse(req.scope, { id: result.id })
  res.status(201).json({ referral_link })
}
