import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createReferralLinkWorkflow } from "../../../../../workflows/links"
import { referralLinksResponse } from "../../../affiliate-links/helpers"
import { CreateReferralLinkType } from "../../../affiliate-links/validators"
import { refetchAffiliate } from "../../helpers"

/** The affiliate's redirect links (C1, C8). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  const referral_links = await referralLinksResponse(req.scope, { affiliate_id: req.params.id })
  res.json({ referral_links, count: referral_links.length })
}

export const POST = async (req: AuthenticatedMedusaRequest<CreateReferralLinkType>, res: MedusaResponse) => {
  const { result } = await createReferralLinkWorkflow(req.scope).run({
    input: { ...req.validatedBody, affiliate_id: req.params.id },
  })
  const [referral_link] = await referralLinksResponse(req.scope, { id: result.id })
  res.status(201).json({ referral_link })
}
