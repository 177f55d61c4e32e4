import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ReportRow } from "../../../modules/affiliate/stats/reports"
import { affiliateService } from "../../../workflows/affiliate-service"
import { lineResponse, partnerOf } from "../../utils/portal"
import { reportSummary } from "../../utils/reports"
import type { AffiliateGetDashboardParamsType } from "./validators"

const DAY_MS = 86_400_000
const LATEST_LINES = 10

/** A period's figures: counts, and earnings (every line but rejected ones) per currency. */
function figures(totals: Omit<ReportRow, "key">) {
  return {
    clicks: totals.clicks,
    signups: totals.leads,
    orders: totals.orders,
    earnings: Object.fromEntries(
      Object.entries(totals.by_currency).map(([currency, money]) => [currency, money.commission.total])
    ),
  }
}

/**
 * The partner's dashboard (H2): the last `days` days against the same number
 * of days before, and their latest ledger lines.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetDashboardParamsType>, res: MedusaResponse) => {
  const { days } = req.validatedQuery as AffiliateGetDashboardParamsType
  const affiliateId = partnerOf(req)
  const service = affiliateService(req.scope)
  const to = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.parse(to) - (Number(days) - 1) * DAY_MS).toISOString().slice(0, 10)
  const [summary, latest] = await Promise.all([
    reportSummary(service, { from, to, affiliate_id: affiliateId }),
    service.listPartnerLines(affiliateId, {}, { limit: LATEST_LINES, offset: 0 }),
  ])
  const current = figures(summary.current)
  const previous = figures(summary.previous)
  res.json({
    dashboard: {
      from,
      to,
      previous_from: summary.previous.from,
      previous_to: summary.previous.to,
      currencies: [...new Set([...Object.keys(current.earnings), ...Object.keys(previous.earnings)])].sort(),
      current,
      previous,
      latest_lines: latest.rows.map(lineResponse),
    },
  })
}
