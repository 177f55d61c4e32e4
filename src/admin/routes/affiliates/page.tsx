import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { AffiliateStatusBadge } from "../../components/affiliate-status-badge"
import { CreatePartnerModal } from "../../components/partners/create-partner-modal"
import { ReportSummary } from "../../components/report-summary"
import { TableMessageRow } from "../../components/table-message-row"
import { usePartners, useProgramDefaults, useStoreCurrencies } from "../../hooks/api/partners"
import { errorMessage } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { Pager } from "../../components/pager"

const PAGE_SIZE = 20
const STATUSES = ["all", "pending", "active", "suspended", "rejected", "deactivated"]
const SORTS: { value: string; label: string }[] = [
  { value: "-created_at", label: "Newest first" },
  { value: "name", label: "Name" },
  { value: "-revenue", label: "Revenue, highest first" },
  { value: "-earnings", label: "Earnings, highest first" },
  { value: "-balance_due", label: "Balance due, highest first" },
]

/**
 * The partner list (G1): the 30-day summary on top, then partners with
 * search, status and internal / external filters, sorting by revenue,
 * earnings or balance due in one currency, and paging, all in the URL.
 */
const AffiliatesPage = () => {
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const status = params.get("status") ?? "all"
  const type = params.get("type") ?? "all"
  const order = params.get("order") ?? "-created_at"
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const { data: currencies } = useStoreCurrencies()
  const currency = params.get("currency") ?? currencies?.[0] ?? "usd"
  const { data: settings } = useProgramDefaults()

  // The search box types freely; the URL (and the request) follow after a pause.
  const [search, setSearch] = useState(q)
  useEffect(() => setSearch(q), [q])
  useEffect(() => {
    if (search === q) return
    const timer = setTimeout(() => update({ q: search || null }), 250)
    return () => clearTimeout(timer)
  }, [search])

  const update = (changes: Record<string, string | null>, keepPage = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(key)
          else next.set(key, value)
        }
        if (!keepPage) next.delete("page")
        return next
      },
      { replace: true }
    )

  const { data, isLoading, isError, error } = usePartners({
    q: q || undefined,
    status: status === "all" ? undefined : status,
    is_internal: type === "all" ? undefined : String(type === "internal"),
    order,
    currency_code: currency,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })

  const count = data?.count ?? 0
  const money = (value: number | undefined) => (value === undefined ? "—" : formatMoney(value, currency))
  const defaultRate = settings?.program_settings.default_commission_rate

  return (
    <div className="flex flex-col gap-y-3">
      <ReportSummary />
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Affiliates</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Partners, their status and what they earned and are owed.
            </Text>
          </div>
          <CreatePartnerModal />
        </div>
        <div className="flex flex-wrap items-center gap-2 px-6 py-3">
          <Input
            size="small"
            type="search"
            className="w-64"
            placeholder="Search name or email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select size="small" value={status} onValueChange={(value) => update({ status: value === "all" ? null : value })}>
            <Select.Trigger className="w-40" aria-label="Status">
              <Select.Value placeholder="Status" />
            </Select.Trigger>
            <Select.Content>
              {STATUSES.map((value) => (
                <Select.Item key={value} value={value} className="capitalize">
                  {value === "all" ? "All statuses" : value}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select size="small" value={type} onValueChange={(value) => update({ type: value === "all" ? null : value })}>
            <Select.Trigger className="w-44" aria-label="Partner type">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">Partners and internal</Select.Item>
              <Select.Item value="external">External partners</Select.Item>
              <Select.Item value="internal">Internal channels</Select.Item>
            </Select.Content>
          </Select>
          <div className="ml-auto flex items-center gap-2">
            <Select size="small" value={order} onValueChange={(value) => update({ order: value === "-created_at" ? null : value })}>
              <Select.Trigger className="w-56" aria-label="Sort by">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SORTS.map((sort) => (
                  <Select.Item key={sort.value} value={sort.value}>
                    {sort.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Select size="small" value={currency} onValueChange={(value) => update({ currency: value }, true)}>
              <Select.Trigger className="w-24" aria-label="Currency">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(currencies?.length ? currencies : [currency]).map((code) => (
                  <Select.Item key={code} value={code}>
                    {code.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
        {isError ? (
          <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Rate</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Earnings</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Balance due</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {isLoading && <TableMessageRow colSpan={7}>Loading…</TableMessageRow>}
              {!isLoading && !data?.affiliates.length && (
                <TableMessageRow colSpan={7}>
                  {q || status !== "all" || type !== "all" ? "No partners match." : "No partners yet: create the first one."}
                </TableMessageRow>
              )}
              {data?.affiliates.map((affiliate) => (
                <Table.Row key={affiliate.id}>
                  <Table.Cell>
                    <div className="flex items-center gap-2">
                      <Link to={`/affiliates/${affiliate.id}`} className="text-ui-fg-interactive">
                        {affiliate.name}
                      </Link>
                      {affiliate.is_internal && (
                        <Badge size="2xsmall" color="purple">
                          Internal
                        </Badge>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{affiliate.email}</Table.Cell>
                  <Table.Cell>
                    <AffiliateStatusBadge status={affiliate.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {affiliate.commission_rate != null
                      ? `${affiliate.commission_rate}%`
                      : `Default${defaultRate != null ? ` (${defaultRate}%)` : ""}`}
                  </Table.Cell>
                  <Table.Cell className="text-right">{money(affiliate.totals?.revenue)}</Table.Cell>
                  <Table.Cell className="text-right">{money(affiliate.totals?.earnings)}</Table.Cell>
                  <Table.Cell className="text-right">{money(affiliate.totals?.balance_due)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <Pager count={count} pageSize={PAGE_SIZE} page={page} onPage={(next) => update({ page: next ? String(next) : null }, true)} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Affiliates",
  icon: Users,
})

export default AffiliatesPage
