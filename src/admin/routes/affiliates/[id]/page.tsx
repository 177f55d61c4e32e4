import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { AffiliateStatusBadge } from "../../../components/affiliate-status-badge"
import { ReportSummary } from "../../../components/report-summary"
import { SectionTable } from "../../../components/section-table"
import {
  type AffiliateStatusAction,
  type CommissionLine,
  useAffiliate,
  useBalances,
  useCommissionLines,
  useCreatePayout,
  usePayouts,
  useSetAffiliateStatus,
} from "../../../hooks/api/affiliates"
import { formatDate, formatMoney } from "../../../lib/format"

const DONE: Record<AffiliateStatusAction, string> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
  deactivate: "deactivated",
}

const RULE_LABELS: Record<string, string> = {
  program_default: "Program default",
  affiliate: "Affiliate's rate",
}

/** Which rule produced a line, or why the line exists (reversals, adjustments). */
function describeRule(line: CommissionLine) {
  if (!line.rule) {
    return line.reason ?? "—"
  }
  const label = RULE_LABELS[line.rule] ?? line.rule
  return line.rate != null ? `${label} (${line.rate}%)` : label
}

const AffiliateDetailPage = () => {
  const { id } = useParams() as { id: string }
  const { data, isLoading } = useAffiliate(id)
  const { data: balances } = useBalances(id)
  const { data: lines } = useCommissionLines(id)
  const { data: payouts } = usePayouts(id)
  const setStatus = useSetAffiliateStatus(id)
  const pay = useCreatePayout(id)

  if (isLoading || !data) {
    return <Container>Loading…</Container>
  }
  const { affiliate, allowed_status_transitions } = data

  const runAction = (action: AffiliateStatusAction) =>
    setStatus.mutate(action, {
      onSuccess: () => toast.success(`Affiliate ${DONE[action]}`),
      onError: (e) => toast.error((e as Error).message),
    })

  const payBalance = (currency: string) =>
    pay.mutate(
      { currency_code: currency },
      {
        onSuccess: ({ payout }) =>
          toast.success(`Paid ${formatMoney(payout.amount, payout.currency_code)}`),
        onError: (e) => toast.error((e as Error).message),
      }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-start justify-between px-6 py-4">
        <div>
          <div className="flex items-center gap-2">
            <Heading level="h1">{affiliate.name}</Heading>
            <AffiliateStatusBadge status={affiliate.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {affiliate.email}
            {affiliate.company ? ` · ${affiliate.company}` : ""}
            {` · ${affiliate.commission_rate != null ? `${affiliate.commission_rate}%` : "program default rate"}`}
          </Text>
          <div className="mt-2 flex gap-1">
            {affiliate.codes?.map((code) => (
              <Badge key={code.id} size="2xsmall" color={code.is_active ? "blue" : "grey"}>
                {code.code}
                {code.alias_of_id ? " (alias)" : ""}
              </Badge>
            ))}
          </div>
        </div>
        <div className="flex gap-2">
          {allowed_status_transitions.map((action) => (
            <Button
              key={action}
              size="small"
              variant={action === "approve" ? "primary" : "secondary"}
              isLoading={setStatus.isPending}
              onClick={() => runAction(action)}
              className="capitalize"
            >
              {action}
            </Button>
          ))}
        </div>
      </Container>

      <ReportSummary affiliateId={affiliate.id} />

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
                {balance.payable
                  ? `Pay ${formatMoney(balance.available, balance.currency_code)}`
                  : "Nothing to pay"}
              </Button>
            </Table.Cell>
          </Table.Row>
        ))}
      />

      <SectionTable
        title="Commission ledger"
        columns={[
          { label: "Date" },
          { label: "Type" },
          { label: "Status" },
          { label: "Order" },
          { label: "Rule" },
          { label: "Amount", align: "right" },
        ]}
        empty="No ledger lines yet."
        rows={lines?.commission_lines.map((line) => (
          <Table.Row key={line.id}>
            <Table.Cell>{formatDate(line.created_at)}</Table.Cell>
            <Table.Cell className="capitalize">{line.type.replace("_", " ")}</Table.Cell>
            <Table.Cell className="capitalize">{line.status.replace("_", " ")}</Table.Cell>
            <Table.Cell>
              {line.order_id ? (
                <Link to={`/orders/${line.order_id}`} className="text-ui-fg-interactive">
                  {line.order_id}
                </Link>
              ) : (
                "—"
              )}
            </Table.Cell>
            <Table.Cell>{describeRule(line)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(line.amount, line.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
      />

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
    </div>
  )
}

export default AffiliateDetailPage
