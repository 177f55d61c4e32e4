import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { reportRange, reportSummary } from "../../../utils/reports"
import { AffiliateGetReportSummaryParamsType } from "../../validators"

/** The partner's dashboard figures (H2), against the previous period. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as AffiliateGetReportSummaryParamsType
  const summary = await reportSummary(affiliateService(req.scope), {
    ...reportRange(query),
    affiliate_id: req.auth_context.actor_id,
    currency_code: query.currency_code,
  })
  res.json({ summary })
}
