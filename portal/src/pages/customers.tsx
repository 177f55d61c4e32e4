import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DataTable } from "../components/data-table"
import { PageHeader } from "../components/page-header"
import { Pager, PAGE_SIZE } from "../components/pager"
import { QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api } from "../lib/api"
import { date, money } from "../lib/format"
import type { Page } from "../lib/types"

type Customer = {
  id: string
  email: string | null
  country_code: string | null
  ordered_at: string
  order_total: number
  currency_code: string
  commission: number | null
  status: string
}

/** Referred customers, anonymized by the API: a masked email and a country, nothing more. */
export function CustomersPage() {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const customers = useQuery({
    queryKey: ["customers", offset],
    queryFn: () => api<Page<"customers", Customer>>("/affiliate/customers", { query: { limit: PAGE_SIZE, offset } }),
  })
  return (
    <>
      <PageHeader title={t("customers.title")} subtitle={t("customers.subtitle")} />
      <QueryView query={customers} isEmpty={(page) => !page.customers.length} empty={t("customers.empty")}>
        {(page) => (
          <DataTable
            testId="customers-table"
            rows={page.customers}
            rowKey={(c) => c.id}
            footer={<Pager count={page.count} offset={offset} onChange={setOffset} />}
            columns={[
              { key: "date", header: t("customers.ordered_at"), cell: (c) => date(c.ordered_at) },
              { key: "commission", header: t("customers.commission"), align: "right", cell: (c) => money(c.commission, c.currency_code) },
              { key: "status", header: t("customers.status"), cell: (c) => <StatusLabel status={c.status} /> },
              { key: "total", header: t("customers.order_total"), align: "right", cell: (c) => money(c.order_total, c.currency_code) },
              { key: "email", header: t("customers.email"), cell: (c) => c.email ?? "—" },
              { key: "country", header: t("customers.country"), cell: (c) => c.country_code?.toUpperCase() ?? "—" },
            ]}
          />
        )}
      </QueryView>
    </>
  )
}
