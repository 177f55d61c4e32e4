import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { AffiliateStatusBadge } from "../../../components/affiliate-status-badge"
import { TableMessageRow } from "../../../components/table-message-row"
import {
  type CommissionLine,
  useAffiliate,
  useBalances,
  useCommissionLines,
  useCreatePayout,
  usePayouts,
  useSetAffiliateStatus,
} from "../../../hooks/api/affiliates"
import { formatDate, formatMoney } from "../../../lib/format"

const ACTIONS = {
  pending: ["approve", "reject"],
  active: ["suspend", "deactivate"],
  suspended: ["approve", "deactivate"],
  rejected: ["approve", "deactivate"],
  deactivated: ["approve"],
} as const

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
  const { affiliate } = data

  const runAction = (action: "approve" | "reject" | "suspend" | "deactivate") =>
    setStatus.mutate(action, {
      onSuccess: () => toast.success(`Affiliate ${action === "approve" ? "approved" : action + "ed"}`),
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
          {ACTIONS[affiliate.status].map((action) => (
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

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          Balances
        </Heading>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Pending</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Paid</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {!balances?.balances.length && <TableMessageRow colSpan={5}>No commission yet.</TableMessageRow>}
            {balances?.balances.map((balance) => (
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
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          Commission ledger
        </Heading>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Rule</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {!lines?.commission_lines.length && <TableMessageRow colSpan={6}>No ledger lines yet.</TableMessageRow>}
            {lines?.commission_lines.map((line) => (
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
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          Payouts
        </Heading>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Paid</Table.HeaderCell>
              <Table.HeaderCell>Method</Table.HeaderCell>
              <Table.HeaderCell>Reference</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {!payouts?.payouts.length && <TableMessageRow colSpan={5}>No payouts yet.</TableMessageRow>}
            {payouts?.payouts.map((payout) => (
              <Table.Row key={payout.id}>
                <Table.Cell>{formatDate(payout.paid_at ?? payout.created_at)}</Table.Cell>
                <Table.Cell>{payout.method}</Table.Cell>
                <Table.Cell>{payout.external_reference ?? "—"}</Table.Cell>
                <Table.Cell className="capitalize">{payout.status}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(payout.amount, payout.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export default AffiliateDetailPage
