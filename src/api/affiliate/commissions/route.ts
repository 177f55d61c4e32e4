import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { lineResponse, partnerOf } from "../../utils/portal"
import { type AffiliateGetCommissionsParamsType, lineFilters } from "./validators"

/** The partner's ledger (H6), newest first, filtered by status, type, currency and days. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetCommissionsParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AffiliateGetCommissionsParamsType
  const { limit, offset } = query
  const { rows, count } = await affiliateService(req.scope).listPartnerLines(partnerOf(req), lineFilters(query), { limit, offset })
  res.json({ commission_lines: rows.map(lineResponse), count, offset, limit })
}
