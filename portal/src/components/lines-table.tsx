import { useTranslation } from "react-i18next"
import { date, money } from "../lib/format"
import type { CommissionLine } from "../lib/types"
import { DataTable } from "./data-table"
import { StatusLabel } from "./status-badge"
import type { ReactNode } from "react"

/** Commission lines: the dashboard's latest, the ledger, a payout's lines. */
export function LinesTable({ lines, footer, testId }: { lines: CommissionLine[]; footer?: ReactNode; testId?: string }) {
  const { t } = useTranslation()
  return (
    <DataTable
      testId={testId}
      rows={lines}
      rowKey={(line) => line.id}
      footer={footer}
      columns={[
        { key: "date", header: t("lines.date"), cell: (line) => date(line.created_at) },
        { key: "amount", header: t("lines.amount"), align: "right", cell: (line) => money(line.amount, line.currency_code) },
        { key: "type", header: t("lines.type"), cell: (line) => t(`line_type.${line.type}`, { defaultValue: line.type }) },
        { key: "status", header: t("lines.status"), cell: (line) => <StatusLabel status={line.status} /> },
        { key: "hold", header: t("lines.hold_until"), cell: (line) => date(line.hold_until) },
      ]}
    />
  )
}
