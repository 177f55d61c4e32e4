import { Container, Heading, Text } from "@medusajs/ui"
import { useReportSummary } from "../hooks/api/reports"
import { formatMoney } from "../lib/format"

/** A change against the previous period, e.g. "+25%"; nothing when there was none before. */
function Trend({ change }: { change: number | null }) {
  if (change == null) return null
  const up = change >= 0
  return (
    <Text size="xsmall" className={up ? "text-ui-tag-green-text" : "text-ui-tag-red-text"}>
      {`${up ? "+" : ""}${Math.round(change * 100)}%`}
    </Text>
  )
}

function Figure({ label, value, change }: { label: string; value: string; change?: number | null }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="flex items-baseline gap-x-2">
        <Text size="xlarge" weight="plus" data-testid={`report-${label.toLowerCase().replace(/\s+/g, "-")}`}>
          {value}
        </Text>
        {change !== undefined && <Trend change={change} />}
      </div>
    </div>
  )
}

/**
 * The funnel for the last 30 days (G7, H2): clicks, sign-ups, orders and
 * conversion (clicks that led to an order over clicks; orders from codes and
 * lifetime bindings shown beside it) with the trend against the 30 days before, and revenue,
 * commission and cost of sale per currency. For the program, or one affiliate.
 */
export const ReportSummary = ({ affiliateId }: { affiliateId?: string }) => {
  const { data, isLoading, isError, error } = useReportSummary(affiliateId)
  const summary = data?.summary
  const currencies = Object.entries(summary?.current.by_currency ?? {})

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Last 30 days</Heading>
        {summary && (
          <Text size="small" className="text-ui-fg-subtle">
            {summary.from} – {summary.to}, against the 30 days before
          </Text>
        )}
      </div>
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {summary && (
        <>
          <div className="grid grid-cols-2 divide-x md:grid-cols-4">
            <Figure label="Clicks" value={String(summary.current.clicks)} change={summary.trend.clicks} />
            <Figure label="Sign-ups" value={String(summary.current.leads)} change={summary.trend.leads} />
            <Figure label="Orders" value={String(summary.current.orders)} change={summary.trend.orders} />
            <Figure
              label="Conversion (clicks → orders)"
              value={summary.current.conversion_rate == null ? "—" : `${(summary.current.conversion_rate * 100).toFixed(1)}%`}
            />
          </div>
          {/* Orders by what brought them: only click orders are conversions of clicks. */}
          <div className="grid grid-cols-3 divide-x">
            <Figure label="Orders from clicks" value={String(summary.current.orders_from_clicks)} />
            <Figure label="Orders from codes" value={String(summary.current.orders_from_codes)} />
            <Figure label="Lifetime orders" value={String(summary.current.orders_lifetime)} />
          </div>
          {currencies.length === 0 ? (
            <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
              No referred revenue in this period.
            </Text>
          ) : (
            currencies.map(([currency, money]) => (
              <div key={currency} className="grid grid-cols-2 divide-x md:grid-cols-4">
                <Figure label={`Revenue ${currency.toUpperCase()}`} value={formatMoney(money.revenue, currency)} />
                <Figure label={`Commission ${currency.toUpperCase()}`} value={formatMoney(money.commission.total, currency)} />
                <Figure label={`On hold ${currency.toUpperCase()}`} value={formatMoney(money.commission.on_hold, currency)} />
                <Figure
                  label={`Cost of sale ${currency.toUpperCase()}`}
                  value={money.cost_of_sale == null ? "—" : `${(money.cost_of_sale * 100).toFixed(1)}%`}
                />
              </div>
            ))
          )}
        </>
      )}
    </Container>
  )
}
