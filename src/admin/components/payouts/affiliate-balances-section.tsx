import { Button, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAffiliateNames, useAffiliatePayoutBalances, type PayoutBalance } from "../../hooks/api/payouts"
import { formatMoney } from "../../lib/format"
import { ErrorState } from "../error-state"
import { SectionTable } from "../section-table"
import { PayDrawer } from "./pay-drawer"

/**
 * The partner page's balances per currency. Pay opens the pay drawer (amount,
 * method, reference, then a confirmation); nothing is paid on one click.
 * Owned by the Payouts screen.
 */
export const AffiliateBalancesSection = ({ affiliateId }: { affiliateId: string }) => {
  const { data, isLoading, error } = useAffiliatePayoutBalances(affiliateId)
  const names = useAffiliateNames([affiliateId])
  const [paying, setPaying] = useState<PayoutBalance | null>(null)
  if (error) return <ErrorState error={error} />

  return (
    <>
      <SectionTable
        title="Balances"
        columns={[
          { label: "Currency" },
          { label: "Available", align: "right" },
          { label: "Pending", align: "right" },
          { label: "In payment", align: "right" },
          { label: "Paid", align: "right" },
          { label: "" },
        ]}
        empty={isLoading ? "Loading…" : "No commission yet."}
        rows={data?.balances.map((balance) => (
          <Table.Row key={balance.currency_code}>
            <Table.Cell className="uppercase">{balance.currency_code}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(balance.available, balance.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(balance.pending, balance.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(balance.in_flight, balance.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(balance.paid, balance.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">
              {balance.payable ? (
                <Button size="small" variant="secondary" onClick={() => setPaying(balance)}>
                  Pay…
                </Button>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {balance.available > 0
                    ? `Under the ${formatMoney(balance.minimum_payout, balance.currency_code)} minimum`
                    : "Nothing due"}
                </Text>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      />
      <PayDrawer
        open={!!paying}
        onOpenChange={(open) => !open && setPaying(null)}
        balance={paying}
        affiliateName={names.get(affiliateId)?.name ?? "this partner"}
      />
    </>
  )
}
