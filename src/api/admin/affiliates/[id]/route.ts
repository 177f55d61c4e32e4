import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateAffiliatesWorkflow } from "../../../../workflows/affiliates"
import { adminActor } from "../../../utils/audit-actor"
import { hasPartnerLogin } from "../../../utils/partner-login"
import { affiliateResponse, refetchAffiliate } from "../helpers"
import { AdminUpdateAffiliateType } from "../validators"

/** One partner, with `has_login`: whether they can sign in to the portal (else the admin can invite them). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const response = await affiliateResponse(req, req.params.id)
  const { email } = await refetchAffiliate(req.scope, req.params.id, ["email"])
  res.json({ ...response, affiliate: { ...response.affiliate, has_login: await hasPartnerLogin(req.scope, { id: req.params.id, email }) } })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>,
  res: MedusaResponse
) => {
  // 404 before writing anything for an unknown id.
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  await updateAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [{ id: req.params.id, ...req.validatedBody }], actor: adminActor(req) },
  })
  res.json(await affiliateResponse(req, req.params.id))
}
