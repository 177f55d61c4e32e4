import { Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type CommissionLine, useCommissionLines } from "../../hooks/api/affiliates"
import { formatDate, formatMoney } from "../../lib/format"
import { SectionTable } from "../section-table"

const RULE_LABELS: Record<string, string> = {
  program_default: "Program default",
  affiliate: "Affiliate's rate",
}

/** Which rule produced a line, or why the line exists (reversals, adjustments). */
export function describeRule(line: CommissionLine) {
  if (!line.rule) {
    return line.reason ?? "—"
  }
  const label = RULE_LABELS[line.rule] ?? line.rule
  return line.rate != null ? `${label} (${line.rate}%)` : label
}

/** The partner page's ledger: one partner's commission lines (owned by the Commissions screen). */
export const AffiliateLedgerSection = ({ affiliateId }: { affiliateId: string }) => {
  const { data: lines } = useCommissionLines(affiliateId)
  return (
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
  )
}
