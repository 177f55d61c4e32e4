import { Table } from "@medusajs/ui"
import type { PayoutRecord } from "../../hooks/api/payouts"
import { formatDate, formatMoney } from "../../lib/format"
import { TableMessageRow } from "../table-message-row"
import { PayoutStatusBadge } from "./payout-status-badge"

/**
 * Rows of payouts; a click opens the payout's details. `names` adds a partner
 * column (the global history); the partner page leaves it out.
 */
export const PayoutsTable = ({
  payouts,
  isLoading,
  empty,
  names,
  onOpen,
  compact,
}: {
  payouts: PayoutRecord[] | undefined
  isLoading: boolean
  empty: string
  names?: Map<string, { name: string }>
  onOpen: (id: string) => void
  /** Fewer columns, for a drawer. */
  compact?: boolean
}) => {
  const columns = (names ? 7 : 6) - (compact ? 3 : 0)
  return (
    <Table data-testid="payouts-table">
      <Table.Header>
        <Table.Row>
          {!compact && <Table.HeaderCell>Created</Table.HeaderCell>}
          {names && <Table.HeaderCell>Partner</Table.HeaderCell>}
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Method</Table.HeaderCell>
          {!compact && <Table.HeaderCell>Reference</Table.HeaderCell>}
          {!compact && <Table.HeaderCell>Paid</Table.HeaderCell>}
          <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {isLoading && !payouts && <TableMessageRow colSpan={columns}>Loading…</TableMessageRow>}
        {!isLoading && !payouts?.length && <TableMessageRow colSpan={columns}>{empty}</TableMessageRow>}
        {payouts?.map((payout) => (
          <Table.Row
            key={payout.id}
            className="cursor-pointer"
            data-testid="payout-row"
            onClick={() => onOpen(payout.id)}
          >
            {!compact && <Table.Cell>{formatDate(payout.created_at)}</Table.Cell>}
            {names && <Table.Cell>{names.get(payout.affiliate_id)?.name ?? payout.affiliate_id}</Table.Cell>}
            <Table.Cell>
              <PayoutStatusBadge status={payout.status} />
            </Table.Cell>
            <Table.Cell>{payout.provider_id ?? payout.method}</Table.Cell>
            {!compact && <Table.Cell className="max-w-[180px] truncate">{payout.external_reference ?? "—"}</Table.Cell>}
            {!compact && <Table.Cell>{formatDate(payout.paid_at)}</Table.Cell>}
            <Table.Cell className="text-right">{formatMoney(payout.amount, payout.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
