import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, DatePicker, Heading, Input, Select, Table, Tabs, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { BatchDetailsDrawer } from "../../../components/payouts/batch-details-drawer"
import { PayDrawer } from "../../../components/payouts/pay-drawer"
import { PayoutDetailsDrawer } from "../../../components/payouts/payout-details-drawer"
import { PayoutsTable } from "../../../components/payouts/payouts-table"
import { RunBatchDrawer } from "../../../components/payouts/run-batch-drawer"
import { TableMessageRow } from "../../../components/table-message-row"
import {
  PAYOUT_STATUSES,
  useAffiliateNames,
  useDueBalances,
  usePayoutBatches,
  usePayoutList,
  usePartnerOptions,
  type PayoutBalance,
} from "../../../hooks/api/payouts"
import { errorMessage } from "../../../lib/errors"
import { formatMoney } from "../../../lib/format"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20
const TABS = ["due", "batches", "history"] as const
type Tab = (typeof TABS)[number]

/** Reads and writes the page's state in the URL; changing a filter goes back to the first page. */
function useUrlState() {
  const [params, setParams] = useSearchParams()
  const get = (key: string) => params.get(key) ?? ""
  const set = (changes: Record<string, string | null>, resetPage = true) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        if (resetPage && !("page" in changes)) next.delete("page")
        return next
      },
      { replace: false }
    )
  return { get, set }
}


const ErrorRow = ({ error, colSpan }: { error: unknown; colSpan: number }) => (
  <TableMessageRow colSpan={colSpan}>
    <span className="text-ui-fg-error" data-testid="error-state">
      {errorMessage(error)}
    </span>
  </TableMessageRow>
)

/** Balances at or over the minimum, per partner and currency, each with Pay. */
const DueTab = ({ currency, onCurrency }: { currency: string; onCurrency: (value: string) => void }) => {
  const { data: all } = useDueBalances()
  const { data, isLoading, error } = useDueBalances(currency || undefined)
  const names = useAffiliateNames((data?.balances ?? []).map((balance) => balance.affiliate_id))
  const [paying, setPaying] = useState<PayoutBalance | null>(null)
  const currencies = [...new Set((all?.balances ?? []).map((balance) => balance.currency_code))].sort()
  const totals = useMemo(() => {
    const sums = new Map<string, number>()
    for (const balance of data?.balances ?? []) {
      sums.set(balance.currency_code, (sums.get(balance.currency_code) ?? 0) + balance.available)
    }
    return [...sums].map(([code, sum]) => formatMoney(sum, code)).join(" · ")
  }, [data])

  return (
    <>
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Partners whose approved balance reaches the payout minimum{totals ? `: ${totals} in all` : ""}.
        </Text>
        <Select size="small" value={currency || "all"} onValueChange={(value) => onCurrency(value === "all" ? "" : value)}>
          <Select.Trigger className="w-40" aria-label="Currency">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All currencies</Select.Item>
            {currencies.map((code) => (
              <Select.Item key={code} value={code}>
                {code.toUpperCase()}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Table data-testid="due-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Partner</Table.HeaderCell>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Minimum</Table.HeaderCell>
            <Table.HeaderCell className="text-right">In payment</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Due</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {error ? (
            <ErrorRow error={error} colSpan={6} />
          ) : isLoading ? (
            <TableMessageRow colSpan={6}>Loading…</TableMessageRow>
          ) : !data?.balances.length ? (
            <TableMessageRow colSpan={6}>No partner is due a payout.</TableMessageRow>
          ) : null}
          {data?.balances.map((balance) => {
            const name = names.get(balance.affiliate_id)?.name ?? balance.affiliate_id
            return (
              <Table.Row key={`${balance.affiliate_id}-${balance.currency_code}`} data-testid="due-row">
                <Table.Cell>
                  <Link to={`/affiliates/${balance.affiliate_id}`} className="text-ui-fg-interactive">
                    {name}
                  </Link>
                </Table.Cell>
                <Table.Cell className="uppercase">{balance.currency_code}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(balance.minimum_payout, balance.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(balance.in_flight, balance.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(balance.available, balance.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="secondary" onClick={() => setPaying(balance)} aria-label={`Pay ${name}`}>
                    Pay…
                  </Button>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      <PayDrawer
        open={!!paying}
        onOpenChange={(open) => !open && setPaying(null)}
        balance={paying}
        affiliateName={paying ? (names.get(paying.affiliate_id)?.name ?? paying.affiliate_id) : ""}
      />
    </>
  )
}

const BatchesTab = ({ page, onPage, onOpen }: { page: number; onPage: (page: number) => void; onOpen: (id: string) => void }) => {
  const { data, isLoading, error } = usePayoutBatches({ limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  return (
    <>
      <Table data-testid="batches-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell>Method</Table.HeaderCell>
            <Table.HeaderCell>Partners</Table.HeaderCell>
            <Table.HeaderCell>Failures</Table.HeaderCell>
            <Table.HeaderCell>Note</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {error ? (
            <ErrorRow error={error} colSpan={6} />
          ) : isLoading ? (
            <TableMessageRow colSpan={6}>Loading…</TableMessageRow>
          ) : !data?.payout_batches.length ? (
            <TableMessageRow colSpan={6}>No batch has run yet.</TableMessageRow>
          ) : null}
          {data?.payout_batches.map((batch) => (
            <Table.Row key={batch.id} className="cursor-pointer" data-testid="batch-row" onClick={() => onOpen(batch.id)}>
              <Table.Cell>{new Date(batch.created_at).toLocaleString()}</Table.Cell>
              <Table.Cell className="uppercase">{batch.currency_code}</Table.Cell>
              <Table.Cell>{batch.provider_id ?? "manual"}</Table.Cell>
              <Table.Cell>{batch.affiliate_ids?.length ?? "All due"}</Table.Cell>
              <Table.Cell className={batch.failures.length ? "text-ui-fg-error" : undefined}>{batch.failures.length}</Table.Cell>
              <Table.Cell className="max-w-[240px] truncate">{batch.note ?? batch.schedule_period ?? "—"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} page={page} onPage={onPage} />
    </>
  )
}

/** A day in the URL (YYYY-MM-DD) as the DatePicker's Date, and back. */
const toDate = (value: string) => (value ? new Date(`${value}T00:00:00`) : null)
const toDay = (date: Date | null) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`
    : null

const HistoryTab = ({ url, onOpen }: { url: ReturnType<typeof useUrlState>; onOpen: (id: string) => void }) => {
  const page = Number(url.get("page")) || 0
  const from = url.get("from")
  const to = url.get("to")
  const [currencyDraft, setCurrencyDraft] = useState(url.get("currency"))
  const [batchDraft, setBatchDraft] = useState(url.get("batch"))
  const { data: partners } = usePartnerOptions()
  const created_at =
    from || to
      ? {
          ...(from ? { $gte: new Date(`${from}T00:00:00`).toISOString() } : {}),
          ...(to ? { $lte: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
        }
      : undefined
  const { data, isLoading, error } = usePayoutList({
    status: url.get("status") || undefined,
    affiliate_id: url.get("affiliate") || undefined,
    currency_code: url.get("currency") || undefined,
    batch_id: url.get("batch") || undefined,
    created_at,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const names = useAffiliateNames((data?.payouts ?? []).map((payout) => payout.affiliate_id))
  const filtered = ["status", "affiliate", "currency", "batch", "from", "to"].some((key) => url.get(key))

  return (
    <>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="history-filters">
        <Select size="small" value={url.get("status") || "all"} onValueChange={(value) => url.set({ status: value === "all" ? null : value })}>
          <Select.Trigger className="w-36" aria-label="Status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All statuses</Select.Item>
            {PAYOUT_STATUSES.map((status) => (
              <Select.Item key={status} value={status} className="capitalize">
                {status}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={url.get("affiliate") || "all"} onValueChange={(value) => url.set({ affiliate: value === "all" ? null : value })}>
          <Select.Trigger className="w-48" aria-label="Partner">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All partners</Select.Item>
            {(partners?.affiliates ?? []).map((affiliate) => (
              <Select.Item key={affiliate.id} value={affiliate.id}>
                {affiliate.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Input
          size="small"
          className="w-28"
          placeholder="Currency"
          aria-label="Currency"
          maxLength={3}
          value={currencyDraft}
          onChange={(e) => {
            const value = e.target.value.toLowerCase()
            setCurrencyDraft(value)
            if (!value || value.length === 3) url.set({ currency: value || null })
          }}
        />
        <Input
          size="small"
          className="w-56"
          placeholder="Batch id"
          aria-label="Batch"
          value={batchDraft}
          onChange={(e) => setBatchDraft(e.target.value)}
          onBlur={() => url.set({ batch: batchDraft.trim() || null })}
          onKeyDown={(e) => e.key === "Enter" && url.set({ batch: batchDraft.trim() || null })}
        />
        <div className="w-40">
          <DatePicker aria-label="From" value={toDate(from)} onChange={(date) => url.set({ from: toDay(date) })} />
        </div>
        <div className="w-40">
          <DatePicker aria-label="To" value={toDate(to)} onChange={(date) => url.set({ to: toDay(date) })} />
        </div>
        {filtered && (
          <Button
            size="small"
            variant="transparent"
            onClick={() => {
              setCurrencyDraft("")
              setBatchDraft("")
              url.set({ status: null, affiliate: null, currency: null, batch: null, from: null, to: null })
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
      {error ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error" data-testid="error-state">
          {errorMessage(error)}
        </Text>
      ) : (
        <PayoutsTable
          payouts={data?.payouts}
          isLoading={isLoading}
          empty={filtered ? "No payout matches these filters." : "No payouts yet."}
          names={names}
          onOpen={onOpen}
        />
      )}
      <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} page={page} onPage={(next) => url.set({ page: next ? String(next) : null }, false)} />
    </>
  )
}

const PayoutsPage = () => {
  const url = useUrlState()
  const tab: Tab = (TABS as readonly string[]).includes(url.get("tab")) ? (url.get("tab") as Tab) : "due"
  const [batchOpen, setBatchOpen] = useState(false)
  const openPayout = (id: string | null) => url.set({ payout: id }, false)
  const openBatch = (id: string | null) => url.set({ batch_detail: id }, false)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Payouts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What partners are owed, batch payouts and every payout made.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setBatchOpen(true)}>
          Run batch payout
        </Button>
      </div>
      <Tabs value={tab} onValueChange={(value) => url.set({ tab: value === "due" ? null : value, page: null })}>
        <div className="px-6 py-3">
          <Tabs.List>
            <Tabs.Trigger value="due">Balances due</Tabs.Trigger>
            <Tabs.Trigger value="batches">Batches</Tabs.Trigger>
            <Tabs.Trigger value="history">History</Tabs.Trigger>
          </Tabs.List>
        </div>
        <Tabs.Content value="due" className="border-t">
          <DueTab currency={url.get("due_currency")} onCurrency={(value) => url.set({ due_currency: value || null })} />
        </Tabs.Content>
        <Tabs.Content value="batches" className="border-t">
          <BatchesTab
            page={Number(url.get("page")) || 0}
            onPage={(next) => url.set({ page: next ? String(next) : null }, false)}
            onOpen={openBatch}
          />
        </Tabs.Content>
        <Tabs.Content value="history" className="border-t">
          <HistoryTab url={url} onOpen={openPayout} />
        </Tabs.Content>
      </Tabs>
      <RunBatchDrawer open={batchOpen} onOpenChange={setBatchOpen} onDone={(batch) => url.set({ tab: "batches", batch_detail: batch.id })} />
      <BatchDetailsDrawer batchId={url.get("batch_detail") || null} onClose={() => openBatch(null)} onOpenPayout={openPayout} />
      <PayoutDetailsDrawer payoutId={url.get("payout") || null} onClose={() => openPayout(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Payouts", rank: 2 })

export default PayoutsPage
