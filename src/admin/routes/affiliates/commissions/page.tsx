import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, Plus } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  DataTable,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
  type DataTableSortingState,
  DatePicker,
  Heading,
  Input,
  Select,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { AdjustmentModal } from "../../../components/commissions/adjustment-modal"
import { LineActionPrompt } from "../../../components/commissions/line-action-prompt"
import { LineDetailsDrawer } from "../../../components/commissions/line-details-drawer"
import { describeRule, LineStatusBadge } from "../../../components/commissions/line-format"
import { type PickedPartner, PartnerPicker } from "../../../components/commissions/partner-picker"
import { ErrorState } from "../../../components/error-state"
import {
  type LedgerFilters,
  type LedgerLine,
  ledgerExportUrl,
  useLedger,
  useLedgerLine,
  useStoreCurrencies,
} from "../../../hooks/api/commissions"
import { formatDate, formatMoney } from "../../../lib/format"
import { humanize, LINE_ACTION_ORDER, LINE_ACTIONS, LINE_STATUSES, LINE_TYPES, type LineAction } from "../../../lib/line-actions"

const PAGE_SIZE = 20
const ALL = "all"
const SORTABLE = new Set(["created_at", "amount", "status", "type", "hold_until", "approved_at"])

const columnHelper = createDataTableColumnHelper<LedgerLine>()
const commandHelper = createDataTableCommandHelper()

/** A `YYYY-MM-DD` URL value as a local date for the picker, and back. */
const parseDay = (value: string | null) => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const [y, m, d] = value.split("-").map(Number)
  return new Date(y, m - 1, d)
}
const formatDay = (date: Date | null) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`
    : null
/** The UTC day after a `YYYY-MM-DD`: the exclusive end of a range that includes it. */
const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}
const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : undefined)

/** The ledger's filters from the URL (`?status=pending&partner=aff_…&from=2026-01-01`). */
function filtersFrom(params: URLSearchParams): LedgerFilters {
  const from = parseDay(params.get("from")) ? params.get("from") : null
  const to = parseDay(params.get("to")) ? params.get("to") : null
  return {
    status: list(params.get("status")),
    type: list(params.get("type")),
    affiliate_id: params.get("partner") || undefined,
    order_id: params.get("order") || undefined,
    currency_code: params.get("currency") || undefined,
    created_at:
      from || to
        ? { ...(from ? { $gte: `${from}T00:00:00.000Z` } : {}), ...(to ? { $lt: `${dayAfter(to)}T00:00:00.000Z` } : {}) }
        : undefined,
  }
}

const stop = (event: React.MouseEvent) => event.stopPropagation()

const CommissionsPage = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFrom(params), [params])
  const order = params.get("order_by") ?? "-created_at"
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const { data, isLoading, isError, error, isFetching } = useLedger({ ...filters, order, limit: PAGE_SIZE, offset })
  const currencies = useStoreCurrencies()

  /** Sets (or, with null/""/"all", removes) URL params; a filter change goes back to the first page. */
  const update = (changes: Record<string, string | null>, resetPage = true) => {
    setParams(
      () => {
        // The URL as it is now, not as this render saw it: a debounced or
        // late callback must not bring back a filter cleared in between.
        const next = new URLSearchParams(window.location.search)
        for (const [key, value] of Object.entries(changes)) {
          if (value == null || value === "" || value === ALL) next.delete(key)
          else next.set(key, value)
        }
        if (resetPage) next.delete("offset")
        return next
      },
      { replace: true }
    )
  }

  // Every line seen on any page, so a selection across pages keeps its statuses.
  const seen = useRef(new Map<string, LedgerLine>())
  for (const line of data?.commission_lines ?? []) seen.current.set(line.id, line)

  const [selection, setSelection] = useState<DataTableRowSelectionState>({})
  const [bulk, setBulk] = useState<{ action: LineAction; lines: LedgerLine[] } | null>(null)
  const [adjusting, setAdjusting] = useState(false)
  const openLineId = params.get("line")
  const pageLine = openLineId ? data?.commission_lines.find((line) => line.id === openLineId) : undefined
  // A line opened from a link (`?line=afcom_…`) that isn't on this page: fetched on its own.
  const linked = useLedgerLine(openLineId && !pageLine ? openLineId : null)
  const openLine = pageLine ?? linked.data ?? null

  // The order filter is typed: debounce it into the URL.
  const [orderText, setOrderText] = useState(filters.order_id ?? "")
  useEffect(() => setOrderText(filters.order_id ?? ""), [filters.order_id])
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((orderText.trim() || undefined) !== filters.order_id) update({ order: orderText.trim() || null })
    }, 400)
    return () => clearTimeout(timer)
  }, [orderText])

  // The picked partner's name: from the rows when they are theirs, else the id until picked again.
  const partnerId = filters.affiliate_id
  const partnerRow = data?.commission_lines.find((line) => line.affiliate_id === partnerId)?.affiliate
  const [picked, setPicked] = useState<PickedPartner | null>(null)
  const partnerValue: PickedPartner | null = partnerId
    ? picked?.id === partnerId
      ? picked
      : { id: partnerId, name: partnerRow?.name ?? partnerId }
    : null

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("created_at", {
        header: "Date",
        enableSorting: true,
        sortLabel: "Date",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("affiliate_id", {
        header: "Partner",
        cell: ({ row }) => (
          <Link to={`/affiliates/${row.original.affiliate_id}`} className="text-ui-fg-interactive" onClick={stop}>
            {row.original.affiliate?.name ?? row.original.affiliate_id}
          </Link>
        ),
      }),
      columnHelper.accessor("order_id", {
        header: "Order",
        cell: ({ getValue }) => {
          const id = getValue()
          return id ? (
            <Link to={`/orders/${id}`} className="text-ui-fg-interactive font-mono" onClick={stop} title={id}>
              {`…${id.slice(-8)}`}
            </Link>
          ) : (
            "—"
          )
        },
      }),
      columnHelper.accessor("type", {
        header: "Type",
        enableSorting: true,
        sortLabel: "Type",
        cell: ({ getValue }) => <span className="capitalize">{humanize(getValue())}</span>,
      }),
      columnHelper.accessor("status", {
        header: "Status",
        enableSorting: true,
        sortLabel: "Status",
        cell: ({ getValue }) => <LineStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("rule", {
        header: "Rule or reason",
        cell: ({ row }) => describeRule(row.original),
      }),
      columnHelper.accessor("hold_until", {
        header: "Hold until",
        enableSorting: true,
        sortLabel: "Hold until",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("amount", {
        header: "Amount",
        enableSorting: true,
        sortLabel: "Amount",
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => formatMoney(row.original.amount, row.original.currency_code),
      }),
    ],
    []
  )

  const commands = useMemo(
    () =>
      LINE_ACTION_ORDER.map((action, i) =>
        commandHelper.command({
          label: LINE_ACTIONS[action].label,
          shortcut: ["a", "r", "h", "l"][i],
          action: (selected) => {
            const lines = Object.keys(selected)
              .filter((id) => selected[id])
              .map((id) => seen.current.get(id))
              .filter((line): line is LedgerLine => !!line)
            setBulk({ action, lines })
          },
        })
      ),
    []
  )

  const sorting: DataTableSortingState = order.startsWith("-") ? { id: order.slice(1), desc: true } : { id: order, desc: false }
  const pagination: DataTablePaginationState = { pageIndex: Math.floor(offset / PAGE_SIZE), pageSize: PAGE_SIZE }

  const table = useDataTable({
    data: data?.commission_lines ?? [],
    columns,
    getRowId: (line) => line.id,
    rowCount: data?.count ?? 0,
    isLoading,
    commands,
    rowSelection: { state: selection, onRowSelectionChange: setSelection },
    sorting: {
      state: sorting,
      onSortingChange: (next) => {
        if (SORTABLE.has(next.id)) update({ order_by: next.desc ? `-${next.id}` : next.id })
      },
    },
    pagination: {
      state: pagination,
      onPaginationChange: (next) => update({ offset: next.pageIndex ? String(next.pageIndex * PAGE_SIZE) : null }, false),
    },
    onRowClick: (_, line) => update({ line: line.id }, false),
  })

  const hasFilters = ["status", "type", "partner", "order", "currency", "from", "to"].some((key) => params.has(key))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Commissions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every line of the ledger: sales, reversals, adjustments and bonuses, with where each stands.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <a href={ledgerExportUrl(filters)} download data-testid="export-csv">
              <ArrowDownTray />
              Export CSV
            </a>
          </Button>
          <Button size="small" variant="secondary" onClick={() => setAdjusting(true)}>
            <Plus />
            Adjustment or bonus
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2 px-6 py-4" data-testid="ledger-filters">
        <Select size="small" value={params.get("status") ?? ALL} onValueChange={(value) => update({ status: value })}>
          <Select.Trigger className="w-32" aria-label="Status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All statuses</Select.Item>
            {LINE_STATUSES.map((status) => (
              <Select.Item key={status} value={status}>
                <span className="capitalize">{humanize(status)}</span>
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={params.get("type") ?? ALL} onValueChange={(value) => update({ type: value })}>
          <Select.Trigger className="w-32" aria-label="Type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All types</Select.Item>
            {LINE_TYPES.map((type) => (
              <Select.Item key={type} value={type}>
                <span className="capitalize">{humanize(type)}</span>
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <div className="w-44">
          <PartnerPicker
            size="small"
            placeholder="Partner"
            value={partnerValue}
            onChange={(partner) => {
              setPicked(partner)
              update({ partner: partner?.id ?? null })
            }}
          />
        </div>
        <Input
          size="small"
          type="search"
          className="w-44"
          placeholder="Order ID"
          aria-label="Order ID"
          value={orderText}
          onChange={(event) => setOrderText(event.target.value)}
        />
        <Select size="small" value={params.get("currency") ?? ALL} onValueChange={(value) => update({ currency: value })}>
          <Select.Trigger className="w-32 whitespace-nowrap" aria-label="Currency">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All currencies</Select.Item>
            {(currencies.data ?? []).map((code) => (
              <Select.Item key={code} value={code}>
                {code.toUpperCase()}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <div className="w-36" title="Created from">
          <DatePicker
            size="small"
            aria-label="From"
            value={parseDay(params.get("from"))}
            onChange={(date) => update({ from: formatDay(date) })}
          />
        </div>
        <div className="w-36" title="Created until (inclusive)">
          <DatePicker size="small" aria-label="To" value={parseDay(params.get("to"))} onChange={(date) => update({ to: formatDay(date) })} />
        </div>
        {hasFilters && (
          <Button
            size="small"
            variant="transparent"
            onClick={() => update({ status: null, type: null, partner: null, order: null, currency: null, from: null, to: null })}
          >
            Clear filters
          </Button>
        )}
        {isFetching && !isLoading && (
          <Text size="small" className="text-ui-fg-muted self-center">
            Updating…
          </Text>
        )}
      </div>
      {isError ? (
        <div className="px-6 py-4">
          <ErrorState error={error} />
        </div>
      ) : (
        <DataTable instance={table}>
          <DataTable.Table
            emptyState={{
              // The table's own filters aren't used (ours are in the URL): say which empty it is here.
              empty: hasFilters
                ? { heading: "No lines match", description: "Change or clear the filters." }
                : { heading: "No commission lines yet", description: "Lines appear when referred orders are placed." },
            }}
          />
          <DataTable.Pagination />
          <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />
        </DataTable>
      )}
      <LineDetailsDrawer line={openLine} onClose={() => update({ line: null }, false)} />
      <LineActionPrompt
        action={bulk?.action ?? null}
        lines={bulk?.lines ?? []}
        onClose={() => setBulk(null)}
        onDone={() => setSelection({})}
      />
      <AdjustmentModal open={adjusting} onOpenChange={setAdjusting} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Commissions", rank: 1 })

export default CommissionsPage
