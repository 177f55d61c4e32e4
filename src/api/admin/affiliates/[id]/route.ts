import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateAffiliatesWorkflow } from "../../../../workflows/affiliates"
import { refetchAffiliate } from "../helpers"
import { AdminUpdateAffiliateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate = await refetchAffiliate(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ affiliate })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>,
  res: MedusaResponse
) => {
  // 404 before writing anything for an unknown id.
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  await updateAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [{ id: req.params.id, ...req.validatedBody }] },
  })
  const affiliate = await refetchAffiliate(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ affiliate })
}
