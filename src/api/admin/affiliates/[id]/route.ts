import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateAffiliatesWorkflow } from "../../../../workflows/affiliates"
import { adminActor } from "../../../utils/audit-actor"
import { affiliateResponse, refetchAffiliate } from "../helpers"
import { AdminUpdateAffiliateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await affiliateResponse(req, req.params.id))
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
