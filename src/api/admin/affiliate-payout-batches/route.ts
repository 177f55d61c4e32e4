import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runAffiliatePayoutBatchWorkflow } from "../../../workflows/payouts"
import { idempotencyFence } from "../../utils/idempotency"
import { listWithQuery } from "../../utils/list-with-query"
import { adminActor } from "../affiliate-payouts/helpers"
import { refetchPayoutBatch } from "./helpers"
import type { AdminCreatePayoutBatchType } from "./validators"

/** Batches, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listWithQuery(req, "payout_batch", "payout_batches"))
}

/**
 * Pays every partner due a payout in the currency (or only the chosen ones),
 * each under its own lock; a partner that fails is reported in the batch's
 * `failures` and doesn't stop the others. Run again, it pays nobody twice.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePayoutBatchType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await runAffiliatePayoutBatchWorkflow(req.scope).run({
    input: {
      currency_code: body.currency_code.toLowerCase(),
      affiliate_ids: body.affiliate_ids ?? null,
      provider_id: body.provider_id,
      note: body.note ?? null,
      created_by: req.auth_context.actor_id,
      actor: adminActor(req),
      idempotency: idempotencyFence(req),
    },
  })
  res.status(201).json({ payout_batch: await refetchPayoutBatch(req.scope, result.batch_id!) })
}
