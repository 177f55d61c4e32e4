import { Text } from "@medusajs/ui"
import type { ReportRow } from "../../hooks/api/reports"
import { errorMessage } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { ChartSeries, DayChart, daysBetween } from "../charts/day-chart"

export type FunnelMetric = "clicks" | "leads" | "orders" | "commission"

const LABELS: Record<FunnelMetric, string> = {
  clicks: "Clicks",
  leads: "Sign-ups",
  orders: "Orders",
  commission: "Commission",
}
const COLORS: Record<FunnelMetric, string> = {
  clicks: "stroke-ui-tag-blue-icon fill-ui-tag-blue-icon",
  leads: "stroke-ui-tag-purple-icon fill-ui-tag-purple-icon",
  orders: "stroke-ui-tag-green-icon fill-ui-tag-green-icon",
  commission: "stroke-ui-tag-orange-icon fill-ui-tag-orange-icon",
}

/**
 * The funnel by day: one small chart per metric over every day of the
 * range (days without activity read 0), commission in one currency.
 */
export const FunnelChart = ({
  from,
  to,
  rows,
  metrics,
  currency,
  labels = {},
  isLoading,
  error,
}: {
  from: string
  to: string
  rows: ReportRow[] | undefined
  metrics: FunnelMetric[]
  currency: string
  labels?: Partial<Record<FunnelMetric, string>>
  isLoading: boolean
  error: unknown
}) => {
  if (isLoading) return <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
  if (error) return <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>
  const days = daysBetween(from, to)
  const byDay = new Map((rows ?? []).map((row) => [row.key, row]))
  const series = metrics.map<ChartSeries>((metric) => ({
    label: metric === "commission" ? `${labels[metric] ?? LABELS[metric]} ${currency.toUpperCase()}` : labels[metric] ?? LABELS[metric],
    color: COLORS[metric],
    format: metric === "commission" ? (value) => formatMoney(value, currency) : undefined,
    values: days.map((day) => {
      const row = byDay.get(day)
      if (!row) return 0
      return metric === "commission" ? row.by_currency[currency]?.commission.total ?? 0 : row[metric]
    }),
  }))
  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" data-testid="report-chart">
      {series.map((s, i) => (
        <DayChart key={metrics[i]} days={days} series={s} testId={`chart-${metrics[i]}`} />
      ))}
    </div>
  )
}
