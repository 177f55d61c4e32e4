import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { ReportRow, ReportTotals } from "../../hooks/api/reports"
import { errorMessage } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { TableMessageRow } from "../table-message-row"

/** Converted clicks ÷ clicks as a percentage; "—" without clicks. */
export const percent = (rate: number | null) => (rate == null ? "—" : `${(rate * 100).toFixed(1)}%`)

/** A row's money in one currency (the chosen one, else its first): revenue, commission, cost of sale. */
export function moneyOf(row: Pick<ReportTotals, "by_currency">, currency?: string) {
  const code = currency && row.by_currency[currency] ? currency : Object.keys(row.by_currency)[0]
  const money = code ? row.by_currency[code] : undefined
  return {
    revenue: money ? formatMoney(money.revenue, code!) : "—",
    commission: money ? formatMoney(money.commission.total, code!) : "—",
    cost: money ? percent(money.cost_of_sale) : "—",
    others: Object.keys(row.by_currency).filter((other) => other !== code).map((other) => other.toUpperCase()),
  }
}

const COLUMNS = ["Clicks", "Sign-ups", "Orders", "Click · code · lifetime", "Conversion", "Revenue", "Commission", "Cost of sale"]

/**
 * A report as a table: one row per day, partner, campaign, channel, code or
 * link, with the funnel, the conversion rate (converted clicks over clicks)
 * beside the orders by source, and money in `currency`.
 */
export const ReportTable = ({
  title,
  rows,
  label,
  currency,
  isLoading,
  error,
  empty,
  testId,
}: {
  title: string
  rows: ReportRow[] | undefined
  label: (key: string) => React.ReactNode
  currency?: string
  isLoading: boolean
  error: unknown
  empty: string
  testId: string
}) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <Heading level="h2" className="px-6 py-4">
      {title}
    </Heading>
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{title.replace(/^(Top |By )/, "").replace(/^./, (c) => c.toUpperCase())}</Table.HeaderCell>
            {COLUMNS.map((column) => (
              <Table.HeaderCell key={column} className="text-right">
                {column}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {isLoading ? (
            <TableMessageRow colSpan={COLUMNS.length + 1}>Loading…</TableMessageRow>
          ) : error ? (
            <TableMessageRow colSpan={COLUMNS.length + 1}>
              <Text size="small" className="text-ui-fg-error">
                {errorMessage(error)}
              </Text>
            </TableMessageRow>
          ) : !rows?.length ? (
            <TableMessageRow colSpan={COLUMNS.length + 1}>{empty}</TableMessageRow>
          ) : (
            rows.map((row) => {
              const money = moneyOf(row, currency)
              return (
                <Table.Row key={row.key || "none"}>
                  <Table.Cell className="max-w-[220px] truncate">{label(row.key)}</Table.Cell>
                  <Table.Cell className="text-right">{row.clicks.toLocaleString()}</Table.Cell>
                  <Table.Cell className="text-right">{row.leads.toLocaleString()}</Table.Cell>
                  <Table.Cell className="text-right">{row.orders.toLocaleString()}</Table.Cell>
                  <Table.Cell className="text-right text-ui-fg-subtle">
                    {row.orders_from_clicks} · {row.orders_from_codes} · {row.orders_lifetime}
                  </Table.Cell>
                  <Table.Cell className="text-right">{percent(row.conversion_rate)}</Table.Cell>
                  <Table.Cell className="text-right">{money.revenue}</Table.Cell>
                  <Table.Cell className="text-right">{money.commission}</Table.Cell>
                  <Table.Cell className="text-right">{money.cost}</Table.Cell>
                </Table.Row>
              )
            })
          )}
        </Table.Body>
      </Table>
    </div>
  </Container>
)
