import { Heading, Select } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Figure } from "../components/figure"
import { LinesTable } from "../components/lines-table"
import { PageHeader } from "../components/page-header"
import { Empty, QueryView } from "../components/states"
import { api } from "../lib/api"
import { date, money, number, trend } from "../lib/format"
import type { CommissionLine } from "../lib/types"

type Period = { clicks: number; signups: number; orders: number; earnings: Record<string, number> }
type Dashboard = {
  from: string
  to: string
  previous_from: string
  previous_to: string
  currencies: string[]
  current: Period
  previous: Period
  latest_lines: CommissionLine[]
}
const RANGES = ["7", "30", "90", "365"]

export function DashboardPage() {
  const { t } = useTranslation()
  const [days, setDays] = useState("30")
  const dashboard = useQuery({
    queryKey: ["dashboard", days],
    queryFn: () => api<{ dashboard: Dashboard }>("/affiliate/dashboard", { query: { days } }).then((r) => r.dashboard),
  })
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        subtitle={dashboard.data ? t("dashboard.range", { from: date(dashboard.data.from), to: date(dashboard.data.to) }) : undefined}
        actions={
          <Select value={days} onValueChange={setDays} size="small">
            <Select.Trigger className="w-48 whitespace-nowrap" aria-label={t("dashboard.period")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RANGES.map((value) => (
                <Select.Item key={value} value={value}>
                  {t("dashboard.last_days", { count: Number(value) })}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        }
      />
      <QueryView query={dashboard}>
        {(data) => {
          const currencies = data.currencies.length ? data.currencies : Object.keys(data.current.earnings)
          return (
            <>
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <Figure testId="figure-clicks" label={t("dashboard.clicks")} value={number(data.current.clicks)} change={trend(data.current.clicks, data.previous.clicks)} />
                <Figure testId="figure-signups" label={t("dashboard.signups")} value={number(data.current.signups)} change={trend(data.current.signups, data.previous.signups)} />
                <Figure testId="figure-orders" label={t("dashboard.orders")} value={number(data.current.orders)} change={trend(data.current.orders, data.previous.orders)} />
                <Figure
                  testId="figure-earnings"
                  label={t("dashboard.earnings")}
                  value={currencies.length ? currencies.map((c) => money(data.current.earnings[c] ?? 0, c)).join(" · ") : money(0, "usd")}
                  change={currencies.length === 1 ? trend(data.current.earnings[currencies[0]] ?? 0, data.previous.earnings[currencies[0]] ?? 0) : undefined}
                />
              </div>
              <Heading level="h2">{t("dashboard.latest")}</Heading>
              {data.latest_lines.length ? <LinesTable lines={data.latest_lines} testId="latest-lines" /> : <Empty>{t("dashboard.no_lines")}</Empty>}
            </>
          )
        }}
      </QueryView>
    </>
  )
}
