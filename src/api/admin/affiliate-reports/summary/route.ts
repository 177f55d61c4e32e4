import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { reportRange, reportSummary } from "../../../utils/reports"
import { AdminGetReportSummaryParamsType } from "../validators"

/** Program totals (or one affiliate's) over a range, against the previous period. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetReportSummaryParamsType
  const summary = await reportSummary(affiliateService(req.scope), {
    ...reportRange(query),
    affiliate_id: query.affiliate_id,
    currency_code: query.currency_code,
    is_internal: query.is_internal,
  })
  res.json({ summary })
}
