import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createManualCommissionLinesWorkflow } from "../../../../../workflows/commissions"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import { idempotencyFence } from "../../../../utils/idempotency"
import { AdminCreateAdjustmentType } from "../../validators"

/** Records a manual adjustment or bonus for the affiliate, with its reason and an audit entry. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAdjustmentType>,
  res: MedusaResponse
) => {
  const { result: ids } = await createManualCommissionLinesWorkflow(req.scope).run({
    input: {
      lines: [{ ...req.validatedBody, affiliate_id: req.params.id }],
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
      idempotency: idempotencyFence(req),
    },
  })
  // The same answer an `Idempotency-Key` replay gives (`replayAdjustment`).
  res.status(201).json({ commission_line: await affiliateService(req.scope).retrieveCommissionLine(ids[0]) })
}
