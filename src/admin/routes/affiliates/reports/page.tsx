import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Label, Select, Table, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { DateRangePicker, useDateRange } from "../../../components/reports/date-range"
import { FunnelChart } from "../../../components/reports/funnel-chart"
import { moneyOf, percent, ReportTable } from "../../../components/reports/report-table"
import { TableMessageRow } from "../../../components/table-message-row"
import {
  ReportTotals,
  usePartnerNames,
  useReportRows,
  useReportTotals,
  useSalesChannelNames,
} from "../../../hooks/api/reports"
import { errorMessage } from "../../../lib/errors"
import { formatMoney } from "../../../lib/format"

const SEGMENTS = {
  all: { label: "All partners and channels", is_internal: undefined },
  external: { label: "External partners", is_internal: false },
  internal: { label: "Internal channels", is_internal: true },
} as const
type Segment = keyof typeof SEGMENTS

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

/** The range's totals: the funnel, conversion with orders by source beside it, and money per currency. */
function Totals({ totals, currency }: { totals: ReportTotals; currency: string }) {
  const money = totals.by_currency[currency]
  return (
    <>
      <div className="grid grid-cols-2 divide-x md:grid-cols-4">
        <Figure label="Clicks" value={totals.clicks.toLocaleString()} hint={`${totals.unique_visitors.toLocaleString()} unique visitors`} testId="reports-clicks" />
        <Figure label="Sign-ups" value={totals.leads.toLocaleString()} testId="reports-leads" />
        <Figure
          label="Orders"
          value={totals.orders.toLocaleString()}
          hint={`${totals.orders_from_clicks} from clicks · ${totals.orders_from_codes} from codes · ${totals.orders_lifetime} lifetime`}
          testId="reports-orders"
        />
        <Figure
          label="Conversion (clicks → orders)"
          value={percent(totals.conversion_rate)}
          hint={`${totals.converted_clicks.toLocaleString()} of ${totals.clicks.toLocaleString()} clicks led to an order; code and lifetime orders are not conversions of clicks`}
          testId="reports-conversion"
        />
      </div>
      <div className="grid grid-cols-2 divide-x md:grid-cols-4">
        <Figure label={`Revenue ${currency.toUpperCase()}`} value={money ? formatMoney(money.revenue, currency) : "—"} testId="reports-revenue" />
        <Figure
          label={`Commission ${currency.toUpperCase()}`}
          value={money ? formatMoney(money.commission.total, currency) : "—"}
          hint={money ? `${formatMoney(money.commission.rejected, currency)} rejected, not counted` : undefined}
          testId="reports-commission"
        />
        <Figure
          label={`On hold ${currency.toUpperCase()}`}
          value={money ? formatMoney(money.commission.on_hold, currency) : "—"}
          testId="reports-on-hold"
        />
        <Figure
          label="Cost of sale"
          value={money ? percent(money.cost_of_sale) : "—"}
          hint="Commission ÷ referred revenue"
          testId="reports-cost-of-sale"
        />
      </div>
    </>
  )
}

/** B4: the internal channels reported apart from the external partners. */
function SegmentSplit({ from, to, currency }: { from: string; to: string; currency: string }) {
  const external = useReportTotals({ from, to, is_internal: false })
  const internal = useReportTotals({ from, to, is_internal: true })
  const rows = [
    { label: "External partners", query: external },
    { label: "Internal channels", query: internal },
  ]
  return (
    <Container className="divide-y p-0" data-testid="reports-segments">
      <div className="px-6 py-4">
        <Heading level="h2">Partners and internal channels</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The store's own marketing channels (partners flagged internal) are reported apart from external partners.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            {["Segment", "Clicks", "Sign-ups", "Orders", "Conversion", "Revenue", "Commission", "Cost of sale"].map((column, i) => (
              <Table.HeaderCell key={column} className={i ? "text-right" : undefined}>
                {column}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map(({ label, query }) => {
            if (query.isLoading) return <TableMessageRow key={label} colSpan={8}>Loading…</TableMessageRow>
            if (query.isError || !query.data)
              return (
                <TableMessageRow key={label} colSpan={8}>
                  <span className="text-ui-fg-error">{errorMessage(query.error)}</span>
                </TableMessageRow>
              )
            const totals = query.data.summary.current
            const money = moneyOf(totals, currency)
            return (
              <Table.Row key={label}>
                <Table.Cell>{label}</Table.Cell>
                <Table.Cell className="text-right">{totals.clicks.toLocaleString()}</Table.Cell>
                <Table.Cell className="text-right">{totals.leads.toLocaleString()}</Table.Cell>
                <Table.Cell className="text-right">{totals.orders.toLocaleString()}</Table.Cell>
                <Table.Cell className="text-right">{percent(totals.conversion_rate)}</Table.Cell>
                <Table.Cell className="text-right">{money.revenue}</Table.Cell>
                <Table.Cell className="text-right">{money.commission}</Table.Cell>
                <Table.Cell className="text-right">{money.cost}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </Container>
  )
}

const ReportsPage = () => {
  const range = useDateRange()
  const [params, setParams] = useSearchParams()
  const segment: Segment = (params.get("segment") as Segment) in SEGMENTS ? (params.get("segment") as Segment) : "all"
  const is_internal = SEGMENTS[segment].is_internal
  const { from, to } = range
  const totals = useReportTotals({ from, to, is_internal })
  const currencies = Object.keys(totals.data?.summary.current.by_currency ?? {})
  const currency = params.get("currency") ?? (currencies.includes("usd") ? "usd" : currencies[0] ?? "usd")
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        value == null ? next.delete(key) : next.set(key, value)
        return next
      },
      { replace: true }
    )

  const days = useReportRows({ group_by: "day", from, to, is_internal })
  const top = useReportRows({ group_by: "affiliate", from, to, is_internal, order_by: "revenue", currency_code: currency, limit: 10 })
  const campaigns = useReportRows({ group_by: "utm_campaign", from, to, is_internal, order_by: "clicks", limit: 50 })
  const channels = useReportRows({ group_by: "sales_channel", from, to, is_internal })
  const names = usePartnerNames((top.data?.rows ?? []).map((row) => row.key))
  const channelNames = useSalesChannelNames()

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">Reports</Heading>
            <Text size="small" className="text-ui-fg-subtle" data-testid="reports-range">
              {from} – {to}
            </Text>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <DateRangePicker range={range} />
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor="reports-segment">
                Partners
              </Label>
              <Select value={segment} onValueChange={(value) => setParam("segment", value === "all" ? null : value)}>
                <Select.Trigger id="reports-segment" className="w-56" data-testid="reports-segment">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {Object.entries(SEGMENTS).map(([value, { label }]) => (
                    <Select.Item key={value} value={value}>
                      {label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            {currencies.length > 1 && (
              <div className="flex flex-col gap-y-1">
                <Label size="xsmall" htmlFor="reports-currency">
                  Currency
                </Label>
                <Select value={currency} onValueChange={(value) => setParam("currency", value)}>
                  <Select.Trigger id="reports-currency" className="w-28">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {currencies.map((code) => (
                      <Select.Item key={code} value={code}>
                        {code.toUpperCase()}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
            )}
          </div>
        </div>
        {totals.isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
        {totals.isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(totals.error)}</Text>}
        {totals.data && <Totals totals={totals.data.summary.current} currency={currency} />}
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Funnel by day</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            clicks → sign-ups → orders → commission
          </Text>
        </div>
        <FunnelChart
          from={from}
          to={to}
          rows={days.data?.rows}
          metrics={["clicks", "leads", "orders", "commission"]}
          currency={currency}
          isLoading={days.isLoading}
          error={days.error}
        />
      </Container>

      {segment === "all" && <SegmentSplit from={from} to={to} currency={currency} />}

      <ReportTable
        title="Top partners"
        testId="reports-top-partners"
        rows={top.data?.rows}
        currency={currency}
        isLoading={top.isLoading}
        error={top.error}
        empty="No partner had referred sales or clicks in this range."
        label={(key) => {
          const partner = names.data?.get(key)
          return (
            <Link to={`/affiliates/${key}`} className="text-ui-fg-interactive hover:underline">
              {partner?.name ?? key}
              {partner?.is_internal && (
                <Badge size="2xsmall" className="ml-2">
                  internal
                </Badge>
              )}
            </Link>
          )
        }}
      />
      <ReportTable
        title="By UTM campaign"
        testId="reports-by-campaign"
        rows={campaigns.data?.rows}
        currency={currency}
        isLoading={campaigns.isLoading}
        error={campaigns.error}
        empty="No campaign in this range."
        label={(key) => key || <span className="text-ui-fg-muted">(no campaign)</span>}
      />
      <ReportTable
        title="By sales channel"
        testId="reports-by-channel"
        rows={channels.data?.rows}
        currency={currency}
        isLoading={channels.isLoading}
        error={channels.error}
        empty="No sales channel in this range."
        label={(key) => (key ? channelNames.data?.get(key) ?? key : <span className="text-ui-fg-muted">(none)</span>)}
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Reports", rank: 3 })

export default ReportsPage
