import { Button, Label, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type LedgerLine, useChangeLinesStatus } from "../../hooks/api/commissions"
import { newIdempotencyKey, toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { humanize, LINE_ACTIONS, type LineAction, splitForAction } from "../../lib/line-actions"

const plural = (count: number, word = "line") => `${count} ${word}${count === 1 ? "" : "s"}`

/** The total of some lines per currency: "$4.00, €2.50". */
function totals(lines: Pick<LedgerLine, "amount" | "currency_code">[]) {
  const sums = new Map<string, number>()
  for (const line of lines) {
    sums.set(line.currency_code, (sums.get(line.currency_code) ?? 0) + Number(line.amount))
  }
  return [...sums].map(([currency, sum]) => formatMoney(Math.round(sum * 100) / 100, currency)).join(", ")
}

/**
 * The confirmation before approving, rejecting, holding or releasing lines
 * (one or a selection): Medusa's prompt, with what will change, which of the
 * selected lines the action leaves alone and why, and the reason the API
 * keeps with the change. On confirm, one request for all the lines that can
 * take the action, and a toast saying how many changed.
 */
export const LineActionPrompt = ({
  action,
  lines,
  onClose,
  onDone,
}: {
  /** `null` while closed. */
  action: LineAction | null
  lines: LedgerLine[]
  onClose: () => void
  onDone?: (changed: LedgerLine[]) => void
}) => {
  const [reason, setReason] = useState("")
  const [key, setKey] = useState(newIdempotencyKey)
  const change = useChangeLinesStatus()

  // A fresh reason and idempotency key each time the prompt opens.
  useEffect(() => {
    if (action) {
      setReason("")
      setKey(newIdempotencyKey())
    }
  }, [action])

  if (!action) {
    return null
  }
  const meta = LINE_ACTIONS[action]
  const { eligible, skipped } = splitForAction(lines, action)

  const confirm = () => {
    change.mutate(
      { action, ids: eligible.map((line) => line.id), reason: reason.trim() || undefined, key },
      {
        onSuccess: ({ commission_lines }) => {
          const left = skipped.length
            ? `; ${plural(skipped.length)} left as ${skipped.length === 1 ? "it was" : "they were"} (${describeSkipped(skipped)})`
            : ""
          toast.success(`${plural(commission_lines.length)} ${meta.past}${left}`)
          onDone?.(commission_lines)
          onClose()
        },
        onError: toastError,
      }
    )
  }

  return (
    <Prompt open onOpenChange={(open) => !open && !change.isPending && onClose()} variant={action === "reject" ? "danger" : "confirmation"}>
      <Prompt.Content data-testid="line-action-prompt">
        <Prompt.Header>
          <Prompt.Title>
            {eligible.length ? `${meta.label} ${plural(eligible.length)}?` : `Nothing to ${action}`}
          </Prompt.Title>
          <Prompt.Description>
            {eligible.length
              ? `${totals(eligible)} will be ${meta.past}${meta.to !== meta.past ? ` (${humanize(meta.to)})` : ""}.`
              : `None of the selected lines can be ${meta.past}.`}
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pb-4">
          {skipped.length > 0 && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="line-action-skipped">
              {`${plural(skipped.length)} can't be ${meta.past} and will be left as ${skipped.length === 1 ? "it is" : "they are"}: ${describeSkipped(skipped)}.`}
            </Text>
          )}
          {eligible.length > 0 && (
            <div className="flex flex-col gap-y-1">
              <Label size="small" htmlFor="line-action-reason">
                Reason (optional)
              </Label>
              <Textarea
                id="line-action-reason"
                value={reason}
                maxLength={1000}
                onChange={(event) => setReason(event.target.value)}
                placeholder={action === "reject" ? "e.g. Fraudulent order" : "Kept with the change and in the audit trail"}
              />
            </div>
          )}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={change.isPending}>{eligible.length ? "Cancel" : "Close"}</Prompt.Cancel>
          {eligible.length > 0 && (
            // A plain button, not Prompt.Action: the prompt stays open until the API answers.
            <Button size="small" variant={action === "reject" ? "danger" : "primary"} isLoading={change.isPending} onClick={confirm}>
              {meta.label}
            </Button>
          )}
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

/** "2 paid, 1 rejected". */
function describeSkipped(lines: { status: string }[]) {
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line.status, (counts.get(line.status) ?? 0) + 1)
  return [...counts].map(([status, count]) => `${count} ${humanize(status)}`).join(", ")
}
