import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { DataTable } from "../components/data-table"
import { PageHeader } from "../components/page-header"
import { Pager, PAGE_SIZE } from "../components/pager"
import { QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api, apiUrl } from "../lib/api"
import { date, money } from "../lib/format"
import type { Page, Payout } from "../lib/types"

export function PayoutsPage() {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const payouts = useQuery({
    queryKey: ["payouts", offset],
    queryFn: () => api<Page<"payouts", Payout>>("/affiliate/payouts", { query: { limit: PAGE_SIZE, offset } }),
  })
  return (
    <>
      <PageHeader
        title={t("payouts.title")}
        actions={
          <a href={apiUrl("/affiliate/payouts/export")} download className="inline-flex h-8 items-center rounded-md bg-ui-button-neutral px-3 txt-compact-small-plus shadow-buttons-neutral">
            {t("payouts.download_csv")}
          </a>
        }
      />
      <QueryView query={payouts} isEmpty={(page) => !page.payouts.length} empty={t("payouts.empty")}>
        {(page) => (
          <DataTable
            testId="payouts-table"
            rows={page.payouts}
            rowKey={(p) => p.id}
            footer={<Pager count={page.count} offset={offset} onChange={setOffset} />}
            columns={[
              { key: "date", header: t("payouts.date"), cell: (p) => date(p.paid_at ?? p.created_at) },
              { key: "amount", header: t("payouts.amount"), align: "right", cell: (p) => money(p.amount, p.currency_code) },
              { key: "status", header: t("payouts.status"), cell: (p) => <StatusLabel status={p.status} /> },
              { key: "method", header: t("payouts.method"), cell: (p) => (p.method ? t(`payout_method.${p.method}`, { defaultValue: p.method }) : "—") },
              { key: "reference", header: t("payouts.reference"), cell: (p) => p.reference ?? "—" },
              {
                key: "open",
                header: "",
                align: "right",
                cell: (p) => (
                  <Link to={`/payouts/${p.id}`} className="txt-compact-small text-ui-fg-interactive">
                    {t("payouts.open")}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </>
  )
}
