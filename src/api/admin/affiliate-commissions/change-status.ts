import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LineStatusAction } from "../../../modules/affiliate/utils/line-transitions"
import { changeCommissionLinesStatusWorkflow } from "../../../workflows/commissions"
import { commissionLineFields } from "./query-config"
import { AdminChangeCommissionLinesStatusType } from "./validators"


/** The handler behind `POST /admin/affiliate-commissions/{approve,reject,hold,release}`. */
export function changeStatusRoute(action: LineStatusAction) {
  return async (
    req: AuthenticatedMedusaRequest<AdminChangeCommissionLinesStatusType>,
    res: MedusaResponse
  ) => {
    const { result: changed } = await changeCommissionLinesStatusWorkflow(req.scope).run({
      input: {
        ids: req.validatedBody.ids,
        action,
        reason: req.validatedBody.reason,
        actor: req.auth_context.actor_id,
      },
    })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: commission_lines } = await query.graph({
      entity: "commission_line",
      fields: commissionLineFields,
      filters: { id: changed },
    })
    res.json({ commission_lines })
  }
}
