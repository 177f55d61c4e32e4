import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { reportRange, reportRows } from "../../utils/reports"
import { AffiliateGetReportParamsType } from "../validators"

/** The partner's stats by day, link, code, UTM campaign or sales channel (H4). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AffiliateGetReportParamsType
  const range = reportRange(query)
  const rows = await reportRows(
    affiliateService(req.scope),
    query.group_by as any,
    { ...range, affiliate_id: req.auth_context.actor_id, currency_code: query.currency_code },
    query
  )
  res.json({ ...range, group_by: query.group_by, rows })
}
