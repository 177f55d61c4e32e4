import { Button, Drawer, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { downloadPayoutExport, useAffiliateNames, usePayoutBatch } from "../../hooks/api/payouts"
import { errorMessage, isNotFound, toastError } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { PayoutsTable } from "./payouts-table"

/** One batch: its payouts, the partners it couldn't pay, and its PayPal and bank files. */
export const BatchDetailsDrawer = ({
  batchId,
  onClose,
  onOpenPayout,
}: {
  batchId: string | null
  onClose: () => void
  onOpenPayout: (id: string) => void
}) => {
  const { data, isLoading, error } = usePayoutBatch(batchId)
  const batch = data?.payout_batch
  const names = useAffiliateNames([
    ...(batch?.payouts ?? []).map((payout) => payout.affiliate_id),
    ...(batch?.failures ?? []).map((failure) => failure.affiliate_id),
  ])
  const [exporting, setExporting] = useState<string | null>(null)
  const total = (batch?.payouts ?? []).reduce((sum, payout) => sum + payout.amount, 0)

  const exportFile = async (format: "paypal" | "bank") => {
    if (!batch) return
    setExporting(format)
    try {
      const filename = await downloadPayoutExport(format, { batch_id: batch.id, currency_code: batch.currency_code })
      toast.success(`Downloaded ${filename}`)
    } catch (e) {
      // e.g. 409: partners without payout details of this kind; the message names how many.
      toastError(e)
    } finally {
      setExporting(null)
    }
  }

  return (
    <Drawer open={!!batchId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="batch-details-drawer">
        <Drawer.Header>
          <Drawer.Title>Batch {batch ? `· ${batch.currency_code.toUpperCase()}` : ""}</Drawer.Title>
          <Drawer.Description>{batchId}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isLoading && <Text size="small">Loading…</Text>}
          {error && (
            <Text size="small" className="text-ui-fg-error">
              {isNotFound(error) ? "Batch not found." : errorMessage(error)}
            </Text>
          )}
          {batch && (
            <>
              <Text size="small" data-testid="batch-summary">
                {new Date(batch.created_at).toLocaleString()} · {batch.payouts?.length ?? 0} payout(s) ·{" "}
                {formatMoney(total, batch.currency_code)} · via {batch.provider_id ?? "manual"}
                {batch.schedule_period ? ` · scheduled ${batch.schedule_period}` : ""}
              </Text>
              {batch.note && <Text size="small">{batch.note}</Text>}
              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Payouts</Heading>
                <PayoutsTable
                  payouts={batch.payouts}
                  isLoading={false}
                  compact
                  empty="This batch paid nobody."
                  names={names}
                  onOpen={onOpenPayout}
                />
              </div>
              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Failures ({batch.failures.length})</Heading>
                {!batch.failures.length && (
                  <Text size="small" className="text-ui-fg-subtle">
                    Every eligible partner was paid.
                  </Text>
                )}
                {batch.failures.map((failure) => (
                  <Text key={failure.affiliate_id} size="small" className="text-ui-fg-error">
                    {names.get(failure.affiliate_id)?.name ?? failure.affiliate_id}: {failure.message}
                  </Text>
                ))}
              </div>
              <div className="flex flex-col gap-y-2">
                <Heading level="h3">Payment files</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  This batch's payouts in the layout of a PayPal Payouts upload or a bank-transfer sheet.
                  Every partner needs payout details of that kind.
                </Text>
                <div className="flex gap-2">
                  <Button size="small" variant="secondary" isLoading={exporting === "paypal"} onClick={() => exportFile("paypal")}>
                    PayPal CSV
                  </Button>
                  <Button size="small" variant="secondary" isLoading={exporting === "bank"} onClick={() => exportFile("bank")}>
                    Bank CSV
                  </Button>
                </div>
              </div>
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
