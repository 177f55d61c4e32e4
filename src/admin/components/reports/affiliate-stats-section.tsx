import { Container, Heading, Text } from "@medusajs/ui"
import { usePartnerCodesAndLinks, useReportRows, useReportTotals } from "../../hooks/api/reports"
import { ReportSummary } from "../report-summary"
import { DateRangePicker, useDateRange } from "./date-range"
import { FunnelChart } from "./funnel-chart"
import { percent, ReportTable } from "./report-table"

/**
 * The partner page's statistics (owned by the Reports screen): the 30-day
 * summary against the 30 days before; then, over a range kept in the URL
 * (`stats_range`, `stats_from`, `stats_to`), a chart of clicks, orders and
 * earnings by day, and the partner's figures by code and by link.
 */
export const AffiliateStatsSection = ({ affiliateId }: { affiliateId: string }) => {
  const range = useDateRange("stats_")
  const { from, to } = range
  const totals = useReportTotals({ from, to, affiliate_id: affiliateId })
  const currencies = Object.keys(totals.data?.summary.current.by_currency ?? {})
  const currency = currencies.includes("usd") ? "usd" : currencies[0] ?? "usd"
  const days = useReportRows({ group_by: "day", from, to, affiliate_id: affiliateId })
  const codes = useReportRows({ group_by: "code", from, to, affiliate_id: affiliateId })
  const links = useReportRows({ group_by: "link", from, to, affiliate_id: affiliateId })
  const names = usePartnerCodesAndLinks(affiliateId)
  const current = totals.data?.summary.current

  return (
    <div className="flex flex-col gap-y-3" data-testid="affiliate-stats">
      <ReportSummary affiliateId={affiliateId} />
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h2">Clicks, orders and earnings by day</Heading>
            <Text size="small" className="text-ui-fg-subtle" data-testid="affiliate-stats-range">
              {from} – {to}
              {current &&
                ` · ${current.clicks.toLocaleString()} clicks, ${current.orders.toLocaleString()} orders, conversion ${percent(current.conversion_rate)}`}
            </Text>
          </div>
          <DateRangePicker range={range} testId="affiliate-stats-range-picker" />
        </div>
        <FunnelChart
          from={from}
          to={to}
          rows={days.data?.rows}
          metrics={["clicks", "orders", "commission"]}
          labels={{ commission: "Earnings" }}
          currency={currency}
          isLoading={days.isLoading}
          error={days.error}
        />
      </Container>
      <ReportTable
        title="By code"
        testId="affiliate-stats-by-code"
        rows={codes.data?.rows}
        currency={currency}
        isLoading={codes.isLoading}
        error={codes.error}
        empty="No code was used or clicked in this range."
        label={(key) => (key ? names.data?.codes.get(key) ?? key : <span className="text-ui-fg-muted">(no code)</span>)}
      />
      <ReportTable
        title="By link"
        testId="affiliate-stats-by-link"
        rows={links.data?.rows}
        currency={currency}
        isLoading={links.isLoading}
        error={links.error}
        empty="No link was clicked in this range."
        label={(key) => (key ? names.data?.links.get(key) ?? key : <span className="text-ui-fg-muted">(code only, no link)</span>)}
      />
    </div>
  )
}
