import { Button, Drawer, Label, Select, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import {
  useAffiliateNames,
  useCreatePayoutBatch,
  useDueBalances,
  usePayoutProviders,
  type PayoutBatch,
} from "../../hooks/api/payouts"
import { newIdempotencyKey, toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { TableMessageRow } from "../table-message-row"

/**
 * Pays every partner due a payout in one currency, as one batch: choose the
 * currency, see who is eligible and the total, confirm.
 */
export const RunBatchDrawer = ({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (batch: PayoutBatch) => void
}) => {
  const prompt = usePrompt()
  const run = useCreatePayoutBatch()
  const { data: allDue } = useDueBalances()
  const { data: providers } = usePayoutProviders()
  const currencies = useMemo(
    () => [...new Set((allDue?.balances ?? []).map((balance) => balance.currency_code))].sort(),
    [allDue]
  )
  const [currency, setCurrency] = useState("")
  const [providerId, setProviderId] = useState("manual")
  const [note, setNote] = useState("")
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const { data: due, isLoading } = useDueBalances(currency || undefined)
  const eligible = currency ? (due?.balances ?? []) : []
  const names = useAffiliateNames(eligible.map((balance) => balance.affiliate_id))
  // Exact enough for display; the API settles the exact figures.
  const total = eligible.reduce((sum, balance) => sum + balance.available, 0)

  useEffect(() => {
    if (open) {
      setCurrency((current) => current || currencies[0] || "")
      setProviderId("manual")
      setNote("")
      setIdempotencyKey(newIdempotencyKey())
    }
  }, [open, currencies.join()])

  const submit = async () => {
    if (!eligible.length) return
    const confirmed = await prompt({
      title: "Run this batch payout?",
      description: `Pay ${eligible.length} partner(s) a total of ${formatMoney(total, currency)} (${currency.toUpperCase()}) via ${providerId}, each their whole available balance.`,
      confirmText: `Pay ${formatMoney(total, currency)}`,
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    run.mutate(
      { body: { currency_code: currency, provider_id: providerId, note: note.trim() || undefined }, idempotencyKey },
      {
        onSuccess: ({ payout_batch }) => {
          const paid = payout_batch.payouts ?? []
          const sum = paid.reduce((acc, payout) => acc + payout.amount, 0)
          toast.success(
            `Batch created: ${paid.length} payout(s), ${formatMoney(sum, payout_batch.currency_code)}` +
              (payout_batch.failures.length ? `; ${payout_batch.failures.length} partner(s) failed` : "")
          )
          onOpenChange(false)
          onDone(payout_batch)
        },
        onError: toastError,
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="batch-drawer">
        <Drawer.Header>
          <Drawer.Title>Batch payout</Drawer.Title>
          <Drawer.Description>Pays every partner at or over the minimum in one currency.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-2">
            <Label>Currency</Label>
            <Select value={currency} onValueChange={setCurrency} disabled={!currencies.length}>
              <Select.Trigger aria-label="Batch currency">
                <Select.Value placeholder="No balance is due" />
              </Select.Trigger>
              <Select.Content>
                {currencies.map((code) => (
                  <Select.Item key={code} value={code}>
                    {code.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-2">
            <Label>Method</Label>
            <Select value={providerId} onValueChange={setProviderId}>
              <Select.Trigger aria-label="Batch method">
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
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="batch-note">Note</Label>
            <Textarea id="batch-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label>Eligible partners</Label>
            <Table data-testid="batch-eligible">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Partner</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {currency && isLoading && <TableMessageRow colSpan={2}>Loading…</TableMessageRow>}
                {!isLoading && !eligible.length && <TableMessageRow colSpan={2}>Nobody is due a payout.</TableMessageRow>}
                {eligible.map((balance) => (
                  <Table.Row key={balance.affiliate_id}>
                    <Table.Cell>{names.get(balance.affiliate_id)?.name ?? balance.affiliate_id}</Table.Cell>
                    <Table.Cell className="text-right">{formatMoney(balance.available, balance.currency_code)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {eligible.length > 0 && (
              <Text size="small" weight="plus" data-testid="batch-total">
                {eligible.length} partner(s), total {formatMoney(total, currency)}
              </Text>
            )}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} disabled={!eligible.length || run.isPending} isLoading={run.isPending}>
            Review batch
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
