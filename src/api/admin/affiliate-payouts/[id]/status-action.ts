import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PayoutStatusChange } from "../../../../modules/affiliate/payouts"
import { changeAffiliatePayoutStatusWorkflow } from "../../../../workflows/payouts"
import { idempotencyFence } from "../../../utils/idempotency"
import { adminActor, refetchPayout } from "../helpers"

/**
 * The handler of a payout's status action (mark-paid, fail, cancel): the move
 * and its ledger lines in one transaction; 400 naming the status when the
 * payout can't make it.
 */
export function payoutStatusAction<Body>(
  to: PayoutStatusChange["to"],
  details: (body: Body) => Pick<PayoutStatusChange, "reason" | "external_reference" | "note">
) {
  return async (req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) => {
    await changeAffiliatePayoutStatusWorkflow(req.scope).run({
      input: {
        id: req.params.id,
        change: { to, ...details(req.validatedBody), actor: adminActor(req), idempotency: idempotencyFence(req) },
      },
    })
    res.json({ payout: await refetchPayout(req.scope, req.params.id) })
  }
}
