import { Input, Label, Tabs } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DataTable } from "../components/data-table"
import { PageHeader } from "../components/page-header"
import { QueryView } from "../components/states"
import { api } from "../lib/api"
import { date, daysAgo, money, number } from "../lib/format"
import { useMe } from "../lib/session"
import type { ReferralLink } from "../lib/types"

type Row = {
  key: string
  clicks: number
  unique_visitors: number
  leads: number
  orders: number
  conversion_rate: number | null
  by_currency: Record<string, { revenue: number; commission: { total: number } }>
}
const GROUPS = ["day", "link", "code", "utm_campaign", "sales_channel"] as const

/** The partner's own report, by day, link, code, UTM campaign or sales channel (H4). */
export function StatsPage() {
  const { t } = useTranslation()
  const [group, setGroup] = useState<(typeof GROUPS)[number]>("day")
  const [from, setFrom] = useState(daysAgo(29))
  const [to, setTo] = useState(daysAgo(0))
  const report = useQuery({
    queryKey: ["report", group, from, to],
    queryFn: () => api<{ rows: Row[] }>("/affiliate/reports", { query: { group_by: group, from, to } }).then((r) => r.rows),
  })
  const links = useQuery({
    queryKey: ["links"],
    enabled: group === "link",
    queryFn: () => api<{ referral_links: ReferralLink[] }>("/affiliate/links").then((r) => r.referral_links),
  })
  const me = useMe()
  const label = (key: string) => {
    if (!key) return t("stats.none")
    if (group === "day") return date(key)
    if (group === "link") {
      const link = links.data?.find((l) => l.id === key)
      return link ? link.name ?? link.path : key
    }
    if (group === "code") return me.data?.codes?.find((c) => c.id === key)?.code ?? key
    return key
  }
  const moneyCell = (row: Row, field: "revenue" | "commission") =>
    Object.entries(row.by_currency)
      .map(([currency, figures]) => money(field === "revenue" ? figures.revenue : figures.commission.total, currency))
      .join(" · ") || "—"

  return (
    <>
      <PageHeader title={t("stats.title")} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="from" size="small">{t("filters.from")}</Label>
          <Input id="from" type="date" size="small" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="to" size="small">{t("filters.to")}</Label>
          <Input id="to" type="date" size="small" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </div>
      </div>
      <Tabs value={group} onValueChange={(value) => setGroup(value as typeof group)}>
        <div className="overflow-x-auto">
          <Tabs.List>
            {GROUPS.map((g) => (
              <Tabs.Trigger key={g} value={g} className="whitespace-nowrap">
                {t(`stats.by.${g}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
      </Tabs>
      <QueryView query={report} isEmpty={(rows) => !rows.length} empty={t("stats.empty")}>
        {(rows) => (
          <DataTable
            testId="stats-table"
            rows={rows}
            rowKey={(row) => row.key}
            columns={[
              { key: "key", header: t(`stats.by.${group}`), cell: (row) => label(row.key) },
              { key: "clicks", header: t("stats.clicks"), align: "right", cell: (row) => number(row.clicks) },
              { key: "orders", header: t("stats.orders"), align: "right", cell: (row) => number(row.orders) },
              { key: "commission", header: t("stats.commission"), align: "right", cell: (row) => moneyCell(row, "commission") },
              { key: "revenue", header: t("stats.revenue"), align: "right", cell: (row) => moneyCell(row, "revenue") },
              {
                key: "conversion",
                header: t("stats.conversion"),
                align: "right",
                cell: (row) => (row.conversion_rate === null ? "—" : `${Math.round(row.conversion_rate * 1000) / 10}%`),
              },
              { key: "leads", header: t("stats.leads"), align: "right", cell: (row) => number(row.leads) },
              { key: "visitors", header: t("stats.visitors"), align: "right", cell: (row) => number(row.unique_visitors) },
            ]}
          />
        )}
      </QueryView>
    </>
  )
}
