import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryAffiliatePayoutWorkflow } from "../../../../../workflows/payouts"
import { idempotencyFence } from "../../../../utils/idempotency"
import { adminActor, refetchPayout } from "../../helpers"
import type { AdminRetryPayoutType } from "../../validators"

/**
 * Pays a failed or canceled payout again: a new payout of the same amount
 * (`retry_of_id` points at this one), through the same provider unless
 * another is given. A payout is retried once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRetryPayoutType>, res: MedusaResponse) => {
  const failed = await refetchPayout(req.scope, req.params.id)
  const { result } = await retryAffiliatePayoutWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      affiliate_id: failed.affiliate_id,
      provider_id: req.validatedBody.provider_id,
      note: req.validatedBody.note ?? undefined,
      created_by: req.auth_context.actor_id,
      actor: adminActor(req),
      idempotency: idempotencyFence(req),
    },
  })
  res.status(201).json({ payout: await refetchPayout(req.scope, result.id) })
}
