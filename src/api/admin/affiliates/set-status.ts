import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AffiliateStatusAction } from "../../../types"
import { setAffiliateStatusWorkflow } from "../../../workflows/affiliates"
import { adminActor } from "../../utils/audit-actor"
import { affiliateResponse, refetchAffiliate } from "./helpers"
import type { AdminSetAffiliateStatusType } from "./validators"

/** The handler behind `POST /admin/affiliates/:id/{approve,reject,suspend,deactivate}`. */
export function setStatusRoute(action: AffiliateStatusAction) {
  return async (req: AuthenticatedMedusaRequest<AdminSetAffiliateStatusType>, res: MedusaResponse) => {
    await refetchAffiliate(req.scope, req.params.id, ["id"])
    await setAffiliateStatusWorkflow(req.scope).run({
      input: { id: req.params.id, action, reason: req.validatedBody?.reason ?? null, actor: adminActor(req) },
    })
    res.json(await affiliateResponse(req, req.params.id))
  }
}
