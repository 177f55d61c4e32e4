import { Table } from "@medusajs/ui"
import { usePayouts } from "../../hooks/api/affiliates"
import { formatDate, formatMoney } from "../../lib/format"
import { SectionTable } from "../section-table"

/** The partner page's payout history (owned by the Payouts screen). */
export const AffiliatePayoutsSection = ({ affiliateId }: { affiliateId: string }) => {
  const { data: payouts } = usePayouts(affiliateId)
  return (
    <SectionTable
      title="Payouts"
      columns={[
        { label: "Paid" },
        { label: "Method" },
        { label: "Reference" },
        { label: "Status" },
        { label: "Amount", align: "right" },
      ]}
      empty="No payouts yet."
      rows={payouts?.payouts.map((payout) => (
        <Table.Row key={payout.id}>
          <Table.Cell>{formatDate(payout.paid_at ?? payout.created_at)}</Table.Cell>
          <Table.Cell>{payout.method}</Table.Cell>
          <Table.Cell>{payout.external_reference ?? "—"}</Table.Cell>
          <Table.Cell className="capitalize">{payout.status}</Table.Cell>
          <Table.Cell className="text-right">{formatMoney(payout.amount, payout.currency_code)}</Table.Cell>
        </Table.Row>
      ))}
    />
  )
}
