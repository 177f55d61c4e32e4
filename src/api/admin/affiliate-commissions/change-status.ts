import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { idempotencyFence, IdempotentReplay, resourceIds } from "../../utils/idempotency"
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
        actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
        idempotency: idempotencyFence(req),
      },
    })
    res.json({ commission_lines: await refetchLines(req.scope, changed) })
  }
}

/** The changed lines as the status routes answer them. */
export async function refetchLines(container: MedusaContainer, ids: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "commission_line",
    fields: commissionLineFields,
    filters: { id: ids },
  })
  return data
}

/** `Idempotency-Key` replay: the answer for lines a dead attempt changed. */
export const replayStatusChange: IdempotentReplay = async (req, resource) => ({
  status: 200,
  body: { commission_lines: await refetchLines(req.scope, resourceIds(resource)) },
})
