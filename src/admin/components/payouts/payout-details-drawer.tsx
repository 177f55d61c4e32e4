import { Badge, Button, Drawer, Heading, Input, Label, Select, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import {
  useAffiliateNames,
  usePayout,
  usePayoutAction,
  usePayoutProviders,
  type PayoutAction,
  type PayoutRecord,
} from "../../hooks/api/payouts"
import { errorMessage, isNotFound, newIdempotencyKey, toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { TableMessageRow } from "../table-message-row"
import { PayoutStatusBadge } from "./payout-status-badge"

const dateTime = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : "—")

const ACTIONS: Record<PayoutAction, { label: string; done: string; danger: boolean }> = {
  "mark-paid": { label: "Mark paid", done: "marked paid", danger: false },
  fail: { label: "Mark failed", done: "marked failed; its amount is back in the balance", danger: true },
  cancel: { label: "Cancel payout", done: "canceled; its amount is back in the balance", danger: true },
  retry: { label: "Retry", done: "retried as a new payout", danger: false },
}

/** What the payout can do next (the API's transitions; a final payout can be retried). */
function actionsFor(payout: PayoutRecord): PayoutAction[] {
  if (payout.status === "pending" || payout.status === "processing") return ["mark-paid", "fail", "cancel"]
  if (payout.status === "failed" || payout.status === "canceled") return ["retry"]
  return []
}

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-start gap-x-4 py-1.5">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-all">
      {children}
    </Text>
  </div>
)

/**
 * One payout: who was paid, how and by whom, its status history fields, the
 * commission lines it settled, and what can happen next (mark paid, failed,
 * cancel, retry), each confirmed first.
 */
export const PayoutDetailsDrawer = ({ payoutId, onClose }: { payoutId: string | null; onClose: () => void }) => {
  const { data, isLoading, error } = usePayout(payoutId)
  const payout = data?.payout
  const names = useAffiliateNames(payout ? [payout.affiliate_id] : [])
  const partner = payout ? names.get(payout.affiliate_id) : undefined
  const prompt = usePrompt()
  const act = usePayoutAction()
  const { data: providers } = usePayoutProviders()
  const [action, setAction] = useState<PayoutAction | null>(null)
  const [reason, setReason] = useState("")
  const [reference, setReference] = useState("")
  const [note, setNote] = useState("")
  const [providerId, setProviderId] = useState("")
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)

  useEffect(() => setAction(null), [payoutId])
  useEffect(() => {
    setReason("")
    setReference("")
    setNote("")
    setReasonError(null)
    setProviderId(payout?.provider_id ?? "manual")
    setIdempotencyKey(newIdempotencyKey())
  }, [action, payout?.id])

  const run = async () => {
    if (!payout || !action) return
    if (action === "fail" && reason.trim().length < 3) {
      setReasonError("Say why it failed (at least 3 characters).")
      return
    }
    const money = formatMoney(payout.amount, payout.currency_code)
    const who = partner?.name ?? payout.affiliate_id
    const descriptions: Record<PayoutAction, string> = {
      "mark-paid": `Record the ${money} payout to ${who} as paid${reference.trim() ? ` (reference ${reference.trim()})` : ""}. This can't be undone.`,
      fail: `Mark the ${money} payout to ${who} as failed: its lines go back to the balance. This can't be undone.`,
      cancel: `Cancel the ${money} payout to ${who}: its lines go back to the balance. This can't be undone.`,
      retry: `Pay ${money} to ${who} again through ${providerId}, as a new payout.`,
    }
    const confirmed = await prompt({
      title: `${ACTIONS[action].label}?`,
      description: descriptions[action],
      confirmText: ACTIONS[action].label,
      cancelText: "Back",
      variant: ACTIONS[action].danger ? "danger" : "confirmation",
    })
    if (!confirmed) return
    const body: Record<string, unknown> =
      action === "mark-paid"
        ? { external_reference: reference.trim() || undefined, note: note.trim() || undefined }
        : action === "fail"
          ? { reason: reason.trim() }
          : action === "cancel"
            ? { reason: reason.trim() || undefined }
            : { provider_id: providerId, note: note.trim() || undefined }
    act.mutate(
      { id: payout.id, action, body, idempotencyKey },
      {
        onSuccess: ({ payout: changed }) => {
          toast.success(`Payout of ${formatMoney(changed.amount, changed.currency_code)} to ${who} ${ACTIONS[action].done}`)
          setAction(null)
        },
        onError: (e) => {
          if (errorMessage(e).startsWith("reason")) setReasonError(errorMessage(e))
          toastError(e)
          setIdempotencyKey(newIdempotencyKey())
        },
      }
    )
  }

  return (
    <Drawer open={!!payoutId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="payout-details-drawer">
        <Drawer.Header>
          <Drawer.Title>Payout {payout ? formatMoney(payout.amount, payout.currency_code) : ""}</Drawer.Title>
          <Drawer.Description>{payoutId}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isLoading && <Text size="small">Loading…</Text>}
          {error && (
            <Text size="small" className="text-ui-fg-error">
              {isNotFound(error) ? "Payout not found." : errorMessage(error)}
            </Text>
          )}
          {payout && (
            <>
              <div className="divide-y">
                <Field label="Partner">
                  <Link to={`/affiliates/${payout.affiliate_id}`} className="text-ui-fg-interactive">
                    {partner?.name ?? payout.affiliate_id}
                  </Link>
                </Field>
                <Field label="Amount">{formatMoney(payout.amount, payout.currency_code)}</Field>
                <Field label="Status">
                  <span data-testid="payout-status" data-status={payout.status}>
                    <PayoutStatusBadge status={payout.status} />
                  </span>
                </Field>
                <Field label="Method">{payout.method}</Field>
                <Field label="Provider">{payout.provider_id ?? "—"}</Field>
                <Field label="External reference">{payout.external_reference ?? "—"}</Field>
                <Field label="Note">{payout.note ?? "—"}</Field>
                <Field label="Created">{`${dateTime(payout.created_at)} by ${payout.created_by ?? "—"}`}</Field>
                <Field label="Last status change">
                  {payout.status_changed_at
                    ? `${dateTime(payout.status_changed_at)} by ${payout.status_changed_by ?? "—"}`
                    : "—"}
                </Field>
                <Field label="Reason">{payout.status_reason ?? payout.failure_reason ?? "—"}</Field>
                {payout.processing_at && <Field label="Processing since">{dateTime(payout.processing_at)}</Field>}
                {payout.paid_at && <Field label="Paid">{dateTime(payout.paid_at)}</Field>}
                {payout.failed_at && <Field label="Failed">{dateTime(payout.failed_at)}</Field>}
                {payout.canceled_at && <Field label="Canceled">{dateTime(payout.canceled_at)}</Field>}
                {payout.retry_of_id && <Field label="Retry of">{payout.retry_of_id}</Field>}
                {payout.batch_id && <Field label="Batch">{payout.batch_id}</Field>}
              </div>

              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Commission lines settled ({payout.lines?.length ?? 0})</Heading>
                <Table data-testid="payout-lines">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Type</Table.HeaderCell>
                      <Table.HeaderCell>Status</Table.HeaderCell>
                      <Table.HeaderCell>Order / reason</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {!payout.lines?.length && <TableMessageRow colSpan={4}>No lines.</TableMessageRow>}
                    {payout.lines?.map((line) => (
                      <Table.Row key={line.id}>
                        <Table.Cell>
                          <Badge size="2xsmall">{line.type}</Badge>
                        </Table.Cell>
                        <Table.Cell className="capitalize">{line.status}</Table.Cell>
                        <Table.Cell className="max-w-[160px] truncate" title={line.order_id ?? line.reason ?? undefined}>
                          {line.order_id ?? line.reason ?? "—"}
                        </Table.Cell>
                        <Table.Cell className="text-right">{formatMoney(line.amount, line.currency_code)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>

              {actionsFor(payout).length > 0 && (
                <div className="flex flex-col gap-y-3">
                  <Heading level="h3">Actions</Heading>
                  <div className="flex flex-wrap gap-2">
                    {actionsFor(payout).map((name) => (
                      <Button
                        key={name}
                        size="small"
                        variant={action === name ? "primary" : "secondary"}
                        onClick={() => setAction(action === name ? null : name)}
                      >
                        {ACTIONS[name].label}
                      </Button>
                    ))}
                  </div>
                  {action === "mark-paid" && (
                    <>
                      <Label htmlFor="payout-reference">External reference</Label>
                      <Input id="payout-reference" value={reference} maxLength={255} onChange={(e) => setReference(e.target.value)} />
                      <Label htmlFor="payout-note">Note</Label>
                      <Textarea id="payout-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
                    </>
                  )}
                  {(action === "fail" || action === "cancel") && (
                    <>
                      <Label htmlFor="payout-reason">Reason{action === "fail" ? "" : " (optional)"}</Label>
                      <Textarea id="payout-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
                      {reasonError && (
                        <Text size="small" className="text-ui-fg-error">
                          {reasonError}
                        </Text>
                      )}
                    </>
                  )}
                  {action === "retry" && (
                    <>
                      <Label>Method</Label>
                      <Select value={providerId} onValueChange={setProviderId}>
                        <Select.Trigger aria-label="Retry method">
                          <Select.Value />
                        </Select.Trigger>
                        <Select.Content>
                          {(providers?.payout_providers ?? [{ id: "manual", is_default: true }]).map((provider) => (
                            <Select.Item key={provider.id} value={provider.id}>
                              {provider.id}
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select>
                      <Label htmlFor="payout-note">Note</Label>
                      <Textarea id="payout-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
                    </>
                  )}
                  {action && (
                    <div>
                      <Button size="small" onClick={run} isLoading={act.isPending} disabled={act.isPending}>
                        Confirm: {ACTIONS[action].label}
                      </Button>
                    </div>
                  )}
                </div>
              )}
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
