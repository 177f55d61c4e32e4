import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createManualCommissionLinesWorkflow } from "../../../../../workflows/commissions"
import { idempotencyFence } from "../../../../utils/idempotency"
import { AdminCreateAdjustmentType } from "../../validators"

/** Records a manual adjustment or bonus for the affiliate, with its reason. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAdjustmentType>,
  res: MedusaResponse
) => {
  const { result } = await createManualCommissionLinesWorkflow(req.scope).run({
    input: {
      lines: [{ ...req.validatedBody, affiliate_id: req.params.id, created_by: req.auth_context.actor_id } as any],
      idempotency: idempotencyFence(req),
    },
  })
  res.status(201).json({ commission_line: result[0] })
}
