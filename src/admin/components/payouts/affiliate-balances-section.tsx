import { Button, Table, toast } from "@medusajs/ui"
import { useBalances, useCreatePayout } from "../../hooks/api/affiliates"
import { toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { SectionTable } from "../section-table"

/** The partner page's balances per currency, with the way to pay one (owned by the Payouts screen). */
export const AffiliateBalancesSection = ({ affiliateId }: { affiliateId: string }) => {
  const { data: balances } = useBalances(affiliateId)
  const pay = useCreatePayout(affiliateId)

  const payBalance = (currency: string) =>
    pay.mutate(
      { currency_code: currency },
      {
        onSuccess: ({ payout }) => toast.success(`Paid ${formatMoney(payout.amount, payout.currency_code)}`),
        onError: toastError,
      }
    )

  return (
    <SectionTable
      title="Balances"
      columns={[
        { label: "Currency" },
        { label: "Available", align: "right" },
        { label: "Pending", align: "right" },
        { label: "Paid", align: "right" },
        { label: "" },
      ]}
      empty="No commission yet."
      rows={balances?.balances.map((balance) => (
        <Table.Row key={balance.currency_code}>
          <Table.Cell className="uppercase">{balance.currency_code}</Table.Cell>
          <Table.Cell className="text-right">{formatMoney(balance.available, balance.currency_code)}</Table.Cell>
          <Table.Cell className="text-right">{formatMoney(balance.pending, balance.currency_code)}</Table.Cell>
          <Table.Cell className="text-right">{formatMoney(balance.paid, balance.currency_code)}</Table.Cell>
          <Table.Cell className="text-right">
            <Button
              size="small"
              variant="secondary"
              disabled={!balance.payable}
              isLoading={pay.isPending}
              onClick={() => payBalance(balance.currency_code)}
            >
              {balance.payable ? `Pay ${formatMoney(balance.available, balance.currency_code)}` : "Nothing to pay"}
            </Button>
          </Table.Cell>
        </Table.Row>
      ))}
    />
  )
}
