import { Badge, Button, Drawer, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { type LedgerLine, useAdminUser } from "../../hooks/api/commissions"
import { formatMoney } from "../../lib/format"
import { actionsFor, humanize, LINE_ACTIONS, type LineAction } from "../../lib/line-actions"
import { SOURCE_LABELS } from "../../lib/rejection-reasons"
import { LineActionPrompt } from "./line-action-prompt"
import { describeRule, LineStatusBadge } from "./line-format"

const dateTime = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : "—")

/** An admin (`user_…`) by name or email; a job or the system by its id. */
const Actor = ({ id }: { id: string | null }) => {
  const { data } = useAdminUser(id)
  if (!id) return <>—</>
  const user = data?.user
  const name = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : id
  return <span title={id}>{name}</span>
}

const Row = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <div className="grid grid-cols-[140px_1fr] items-start gap-x-4 py-2">
    <Text size="small" leading="compact" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-words" data-testid={testId}>
      {children}
    </Text>
  </div>
)

/**
 * Everything about one ledger line: how it was computed (rule, rate, base,
 * source), where it stands (hold until, who changed it, when and why) and the
 * payout that settled it; with the actions its status allows. Used by the
 * Commissions page and the partner page's ledger.
 */
export const LineDetailsDrawer = ({ line, onClose }: { line: LedgerLine | null; onClose: () => void }) => {
  const [action, setAction] = useState<LineAction | null>(null)
  const actions = line ? actionsFor(line.status) : []
  return (
    <Drawer open={!!line} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="line-details">
        {line && (
          <>
            <Drawer.Header>
              <Drawer.Title asChild>
                <Heading>Commission line</Heading>
              </Drawer.Title>
              <Drawer.Description className="sr-only">Details of ledger line {line.id}</Drawer.Description>
            </Drawer.Header>
            <Drawer.Body className="flex flex-col divide-y overflow-y-auto">
              <div className="flex items-center justify-between pb-4">
                <div className="flex flex-col gap-y-1">
                  <Heading level="h2" data-testid="line-details-amount">
                    {formatMoney(line.amount, line.currency_code)}
                  </Heading>
                  <Text size="small" className="text-ui-fg-subtle font-mono">
                    {line.id}
                  </Text>
                </div>
                <div className="flex items-center gap-x-2">
                  <Badge size="2xsmall" className="capitalize">
                    {humanize(line.type)}
                  </Badge>
                  <span data-testid="line-details-status">
                    <LineStatusBadge status={line.status} />
                  </span>
                </div>
              </div>
              <div className="py-2">
                <Row label="Partner">
                  <Link to={`/affiliates/${line.affiliate_id}`} className="text-ui-fg-interactive">
                    {line.affiliate?.name ?? line.affiliate_id}
                  </Link>
                </Row>
                <Row label="Order">
                  {line.order_id ? (
                    <Link to={`/orders/${line.order_id}`} className="text-ui-fg-interactive">
                      {line.order_id}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Row>
                <Row label="Source">{line.source ? SOURCE_LABELS[line.source] ?? line.source : "—"}</Row>
                <Row label="Level">{line.level === 0 ? "Referring partner" : `Parent, level ${line.level}`}</Row>
              </div>
              <div className="py-2">
                <Row label="Rule" testId="line-details-rule">
                  {line.rule ? describeRule(line) : "—"}
                </Row>
                <Row label="Rate">{line.rate != null ? `${line.rate}%` : "—"}</Row>
                <Row label="Base">{line.base_amount != null ? formatMoney(line.base_amount, line.currency_code) : "—"}</Row>
                {line.reverses_id && <Row label="Reverses">{line.reverses_id}</Row>}
                {line.reference && <Row label="Reference">{humanize(line.reference)}</Row>}
                <Row label="Reason">{line.reason ?? "—"}</Row>
              </div>
              <div className="py-2">
                <Row label="Created">
                  {dateTime(line.created_at)}
                  {line.created_by ? (
                    <>
                      {" by "}
                      <Actor id={line.created_by} />
                    </>
                  ) : null}
                </Row>
                <Row label="Customer paid">{dateTime(line.paid_by_customer_at)}</Row>
                <Row label="Hold until">{dateTime(line.hold_until)}</Row>
                <Row label="Approved">{dateTime(line.approved_at)}</Row>
                <Row label="Last changed" testId="line-details-changed">
                  {line.status_changed_at ? (
                    <>
                      {dateTime(line.status_changed_at)}
                      {" by "}
                      <Actor id={line.status_changed_by} />
                    </>
                  ) : (
                    "—"
                  )}
                </Row>
                <Row label="Change reason">{line.status_reason ?? "—"}</Row>
              </div>
              <div className="py-2">
                <Row label="Payout" testId="line-details-payout">
                  {line.payout ? (
                    <>
                      {line.payout.id} · {humanize(line.payout.status)} · {line.payout.method}
                      {line.payout.external_reference ? ` · ${line.payout.external_reference}` : ""}
                      {line.payout.paid_at ? ` · paid ${dateTime(line.payout.paid_at)}` : ""}
                    </>
                  ) : (
                    line.payout_id ?? "Not settled yet"
                  )}
                </Row>
              </div>
            </Drawer.Body>
            <Drawer.Footer>
              <Drawer.Close asChild>
                <Button size="small" variant="secondary">
                  Close
                </Button>
              </Drawer.Close>
              {actions.map((name) => (
                <Button
                  key={name}
                  size="small"
                  variant={name === "reject" ? "danger" : name === "approve" ? "primary" : "secondary"}
                  onClick={() => setAction(name)}
                >
                  {LINE_ACTIONS[name].label}
                </Button>
              ))}
            </Drawer.Footer>
          </>
        )}
      </Drawer.Content>
      <LineActionPrompt action={action} lines={line ? [line] : []} onClose={() => setAction(null)} />
    </Drawer>
  )
}
