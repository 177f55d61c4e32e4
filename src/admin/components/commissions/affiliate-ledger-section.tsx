import { EllipsisHorizontal, Plus } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, IconButton, Table } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { type LedgerLine, useLedger } from "../../hooks/api/commissions"
import { useAffiliate } from "../../hooks/api/affiliates"
import { errorMessage } from "../../lib/errors"
import { formatDate, formatMoney } from "../../lib/format"
import { actionsFor, humanize, LINE_ACTIONS, type LineAction } from "../../lib/line-actions"
import { TableMessageRow } from "../table-message-row"
import { AdjustmentModal } from "./adjustment-modal"
import { LineActionPrompt } from "./line-action-prompt"
import { LineDetailsDrawer } from "./line-details-drawer"
import { describeRule, LineStatusBadge } from "./line-format"

export { describeRule }

const LIMIT = 20
const COLUMNS = ["Date", "Type", "Status", "Order", "Rule", "Amount", ""]

/**
 * The partner page's ledger: one partner's latest commission lines, each with
 * the actions its status allows and the same details drawer as the
 * Commissions page (owned by the Commissions screen).
 */
export const AffiliateLedgerSection = ({ affiliateId }: { affiliateId: string }) => {
  const { data, isLoading, isError, error } = useLedger({ affiliate_id: affiliateId, order: "-created_at", limit: LIMIT, offset: 0 })
  const { data: partner } = useAffiliate(affiliateId)
  const [openId, setOpenId] = useState<string | null>(null)
  const [pending, setPending] = useState<{ action: LineAction; line: LedgerLine } | null>(null)
  const [adjusting, setAdjusting] = useState(false)
  const lines = data?.commission_lines ?? []
  const openLine = lines.find((line) => line.id === openId) ?? null

  return (
    <Container className="divide-y p-0" data-testid="affiliate-ledger-section">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Commission ledger</Heading>
        <div className="flex items-center gap-x-2">
          {(data?.count ?? 0) > LIMIT && (
            <Button size="small" variant="transparent" asChild>
              <Link to={`/affiliates/commissions?partner=${affiliateId}`}>View all {data?.count}</Link>
            </Button>
          )}
          <Button size="small" variant="secondary" onClick={() => setAdjusting(true)} disabled={!partner}>
            <Plus />
            Adjustment or bonus
          </Button>
        </div>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            {COLUMNS.map((label, i) => (
              <Table.HeaderCell key={i} className={label === "Amount" ? "text-right" : undefined}>
                {label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {isLoading ? (
            <TableMessageRow colSpan={COLUMNS.length}>Loading…</TableMessageRow>
          ) : isError ? (
            <TableMessageRow colSpan={COLUMNS.length}>
              <span className="text-ui-fg-error">{errorMessage(error)}</span>
            </TableMessageRow>
          ) : !lines.length ? (
            <TableMessageRow colSpan={COLUMNS.length}>No ledger lines yet.</TableMessageRow>
          ) : (
            lines.map((line) => (
              <Table.Row key={line.id} className="cursor-pointer" onClick={() => setOpenId(line.id)}>
                <Table.Cell>{formatDate(line.created_at)}</Table.Cell>
                <Table.Cell className="capitalize">{humanize(line.type)}</Table.Cell>
                <Table.Cell>
                  <LineStatusBadge status={line.status} />
                </Table.Cell>
                <Table.Cell>
                  {line.order_id ? (
                    <Link to={`/orders/${line.order_id}`} className="text-ui-fg-interactive" onClick={(e) => e.stopPropagation()}>
                      {line.order_id}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Table.Cell>
                <Table.Cell>{describeRule(line)}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(line.amount, line.currency_code)}</Table.Cell>
                <Table.Cell className="w-12" onClick={(e) => e.stopPropagation()}>
                  <DropdownMenu>
                    <DropdownMenu.Trigger asChild>
                      <IconButton size="small" variant="transparent" aria-label={`Actions for ${line.id}`}>
                        <EllipsisHorizontal />
                      </IconButton>
                    </DropdownMenu.Trigger>
                    <DropdownMenu.Content align="end">
                      <DropdownMenu.Item onClick={() => setOpenId(line.id)}>Details</DropdownMenu.Item>
                      {actionsFor(line.status).map((action) => (
                        <DropdownMenu.Item key={action} onClick={() => setPending({ action, line })}>
                          {LINE_ACTIONS[action].label}
                        </DropdownMenu.Item>
                      ))}
                    </DropdownMenu.Content>
                  </DropdownMenu>
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
      <LineDetailsDrawer line={openLine} onClose={() => setOpenId(null)} />
      <LineActionPrompt action={pending?.action ?? null} lines={pending ? [pending.line] : []} onClose={() => setPending(null)} />
      <AdjustmentModal
        open={adjusting}
        onOpenChange={setAdjusting}
        partner={partner ? { id: partner.affiliate.id, name: partner.affiliate.name } : undefined}
      />
    </Container>
  )
}
