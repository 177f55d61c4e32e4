import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { AffiliateStatusBadge } from "../../components/affiliate-status-badge"
import { ReportSummary } from "../../components/report-summary"
import { TableMessageRow } from "../../components/table-message-row"
import { useAffiliates, useBalances } from "../../hooks/api/affiliates"
import { formatMoney } from "../../lib/format"

const PAGE_SIZE = 20
const STATUSES = ["all", "pending", "active", "suspended", "rejected", "deactivated"]

const AffiliatesPage = () => {
  const [q, setQ] = useState("")
  const [status, setStatus] = useState("all")
  const [page, setPage] = useState(0)
  const { data, isLoading, isError, error } = useAffiliates({
    q: q || undefined,
    status: status === "all" ? undefined : status,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const { data: balances } = useBalances()

  // Available balance per affiliate, one entry per currency.
  const dueByAffiliate = useMemo(() => {
    const due = new Map<string, string[]>()
    for (const balance of balances?.balances ?? []) {
      if (balance.available === 0) continue
      const list = due.get(balance.affiliate_id) ?? []
      list.push(formatMoney(balance.available, balance.currency_code))
      due.set(balance.affiliate_id, list)
    }
    return due
  }, [balances])

  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <div className="flex flex-col gap-y-3">
      <ReportSummary />
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Affiliates</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Partners, their status and what they are owed.
            </Text>
          </div>
          <div className="flex gap-2">
            <Input
              size="small"
              type="search"
              className="w-64"
              placeholder="Search name or email"
              value={q}
              onChange={(e) => {
                setQ(e.target.value)
                setPage(0)
              }}
            />
            <Select
              size="small"
              value={status}
              onValueChange={(value) => {
                setStatus(value)
                setPage(0)
              }}
            >
              <Select.Trigger>
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
          </div>
        </div>
        {isError ? (
          <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Rate</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Balance due</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {isLoading && <TableMessageRow colSpan={5}>Loading…</TableMessageRow>}
              {!isLoading && !data?.affiliates.length && (
                <TableMessageRow colSpan={5}>No affiliates match.</TableMessageRow>
              )}
              {data?.affiliates.map((affiliate) => (
                <Table.Row key={affiliate.id} className="cursor-pointer">
                  <Table.Cell>
                    <Link to={`/affiliates/${affiliate.id}`} className="text-ui-fg-interactive">
                      {affiliate.name}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{affiliate.email}</Table.Cell>
                  <Table.Cell>
                    <AffiliateStatusBadge status={affiliate.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {affiliate.commission_rate != null ? `${affiliate.commission_rate}%` : "Program default"}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {dueByAffiliate.get(affiliate.id)?.join(" · ") ?? "—"}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={page}
          pageCount={pageCount}
          canPreviousPage={page > 0}
          canNextPage={page + 1 < pageCount}
          previousPage={() => setPage((p) => Math.max(0, p - 1))}
          nextPage={() => setPage((p) => p + 1)}
        />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Affiliates",
  icon: Users,
})

export default AffiliatesPage
