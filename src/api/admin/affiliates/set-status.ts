import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AffiliateStatusAction } from "../../../modules/affiliate/utils/status-transitions"
import { setAffiliateStatusWorkflow } from "../../../workflows/affiliates"
import { refetchAffiliate } from "./helpers"

/** The handler behind `POST /admin/affiliates/:id/{approve,reject,suspend,deactivate}`. */
export function setStatusRoute(action: AffiliateStatusAction) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    await refetchAffiliate(req.scope, req.params.id, ["id"])
    await setAffiliateStatusWorkflow(req.scope).run({ input: { id: req.params.id, action } })
    const affiliate = await refetchAffiliate(req.scope, req.params.id, req.queryConfig.fields)
    res.json({ affiliate })
  }
}
