import { Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { LinesTable } from "../components/lines-table"
import { NativeSelect } from "../components/native-select"
import { PageHeader } from "../components/page-header"
import { Pager, PAGE_SIZE } from "../components/pager"
import { QueryView } from "../components/states"
import { api, apiUrl } from "../lib/api"
import { money } from "../lib/format"
import type { CommissionLine, Page } from "../lib/types"

type Balance = { currency_code: string; pending: number; approved: number; in_flight?: number; paid: number; minimum_payout: number | null }
const STATUSES = ["pending", "on_hold", "approved", "paid", "rejected"]
const TYPES = ["sale", "lead", "reversal", "clawback", "adjustment", "bonus", "write_off", "payout_return"]

/** Balances per currency, then the ledger with filters and its CSV. */
export function EarningsPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState({ status: "", type: "", from: "", to: "" })
  const [offset, setOffset] = useState(0)
  const set = (key: keyof typeof filters) => (value: string) => {
    setFilters((all) => ({ ...all, [key]: value }))
    setOffset(0)
  }
  const balances = useQuery({ queryKey: ["balances"], queryFn: () => api<{ balances: Balance[] }>("/affiliate/balances").then((r) => r.balances) })
  const lines = useQuery({
    queryKey: ["commissions", filters, offset],
    queryFn: () => api<Page<"commission_lines", CommissionLine>>("/affiliate/commissions", { query: { ...filters, limit: PAGE_SIZE, offset } }),
  })
  const any = { value: "", label: t("filters.any") }

  return (
    <>
      <PageHeader
        title={t("earnings.title")}
        actions={
          <a href={apiUrl("/affiliate/commissions/export", filters)} download className="inline-flex h-8 items-center rounded-md bg-ui-button-neutral px-3 txt-compact-small-plus shadow-buttons-neutral">
            {t("earnings.download_csv")}
          </a>
        }
      />
      <QueryView query={balances} isEmpty={(list) => !list.length} empty={t("earnings.no_balances")}>
        {(list) => (
          <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
            {list.map((b) => (
              <Container key={b.currency_code} className="flex flex-col gap-2 p-4" data-testid="balance">
                <Text size="small" weight="plus">{b.currency_code.toUpperCase()}</Text>
                <dl className="grid grid-cols-2 gap-1 txt-compact-small">
                  <dt className="text-ui-fg-subtle">{t("earnings.pending")}</dt>
                  <dd className="text-right">{money(b.pending, b.currency_code)}</dd>
                  <dt className="text-ui-fg-subtle">{t("earnings.approved")}</dt>
                  <dd className="text-right">{money(b.approved, b.currency_code)}</dd>
                  {!!b.in_flight && (
                    <>
                      <dt className="text-ui-fg-subtle">{t("earnings.in_flight")}</dt>
                      <dd className="text-right">{money(b.in_flight, b.currency_code)}</dd>
                    </>
                  )}
                  <dt className="text-ui-fg-subtle">{t("earnings.paid")}</dt>
                  <dd className="text-right">{money(b.paid, b.currency_code)}</dd>
                </dl>
                {b.minimum_payout !== null && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("earnings.minimum", { amount: money(b.minimum_payout, b.currency_code) })}
                  </Text>
                )}
              </Container>
            ))}
          </div>
        )}
      </QueryView>
      <Heading level="h2">{t("earnings.ledger")}</Heading>
      <div className="flex flex-wrap items-end gap-3">
        <NativeSelect id="status" label={t("filters.status")} value={filters.status} onChange={set("status")} options={[any, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <NativeSelect id="type" label={t("filters.type")} value={filters.type} onChange={set("type")} options={[any, ...TYPES.map((s) => ({ value: s, label: t(`line_type.${s}`) }))]} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="from" size="small">{t("filters.from")}</Label>
          <Input id="from" type="date" size="small" value={filters.from} onChange={(e) => set("from")(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="to" size="small">{t("filters.to")}</Label>
          <Input id="to" type="date" size="small" value={filters.to} onChange={(e) => set("to")(e.target.value)} />
        </div>
      </div>
      <QueryView query={lines} isEmpty={(page) => !page.commission_lines.length} empty={t("earnings.empty")}>
        {(page) => <LinesTable testId="ledger" lines={page.commission_lines} footer={<Pager count={page.count} offset={offset} onChange={setOffset} />} />}
      </QueryView>
    </>
  )
}
