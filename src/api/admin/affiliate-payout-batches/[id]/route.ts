import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refetchPayoutBatch } from "../helpers"

/** One batch with its payouts and the partners it couldn't pay. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout_batch: await refetchPayoutBatch(req.scope, req.params.id) })
}
