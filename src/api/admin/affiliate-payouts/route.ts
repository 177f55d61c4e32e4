import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listWithQuery } from "../../utils/list-with-query"

/** Payout history, for all affiliates or filtered to one. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listWithQuery(req, "payout", "payouts"))
}
