import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../../workflows/affiliate-service"
import { reportRange, reportRows } from "../../utils/reports"
import { AdminGetReportParamsType } from "./validators"

/**
 * Program reports (G7): the funnel by day (`group_by=day`), top affiliates
 * (`group_by=affiliate&order_by=revenue&limit=10`), by UTM campaign, sales
 * channel, code or link; each row with clicks, unique visitors, leads,
 * orders, conversion rate, and revenue, commission by status and cost of sale
 * per currency. `is_internal=true|false` reports the internal channels apart
 * from the external partners (B4).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetReportParamsType
  if ((query.group_by === "code" || query.group_by === "link") && !query.affiliate_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `group_by: ${query.group_by} reports are per affiliate; pass affiliate_id`
    )
  }
  const range = reportRange(query)
  const rows = await reportRows(
    affiliateService(req.scope),
    query.group_by,
    { ...range, affiliate_id: query.affiliate_id, currency_code: query.currency_code, is_internal: query.is_internal },
    query
  )
  res.json({ ...range, group_by: query.group_by, rows })
}
