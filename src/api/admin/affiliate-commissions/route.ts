import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listWithQuery } from "../../utils/list-with-query"

/** The commission ledger, filtered by affiliate, order, status, type or date. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listWithQuery(req, "commission_line", "commission_lines"))
}
