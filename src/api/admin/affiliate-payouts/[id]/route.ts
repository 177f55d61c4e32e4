import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { refetchPayout } from "../helpers"

/** One payout with every ledger line it settled. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout: await refetchPayout(req.scope, req.params.id) })
}
