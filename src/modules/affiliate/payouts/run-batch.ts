/**
 * Runs a batch (F3): every partner due a payout in the currency (or the
 * chosen ones) is paid one at a time, each payout in its own transaction
 * under the partner's row lock, so a partner that fails doesn't stop the
 * others. A partner is paid what is available when its turn comes: running
 * the batch again finds the settled lines gone and pays nobody twice.
 */
import type { AuditActor } from "../../../types/audit"
import type { CreatePayoutInput } from "./create-payout"
import type { CreatePayoutBatchInput, PayoutBatchFailure } from "./batches"
import type { PayoutEvents, SentPayout } from "./events"
import { emptyPayoutEvents } from "./events"

/** What a batch needs of the module (its facade methods, each with its own transaction). */
export type PayoutBatchOperations = {
  createPayoutBatch(input: CreatePayoutBatchInput): Promise<{ id: string } | null>
  listDueAffiliateIds(currency: string, affiliateIds?: string[] | null): Promise<string[]>
  createPayout(input: CreatePayoutInput): Promise<{ id: string; affiliate_id: string }>
  sendPayout(id: string, actor: AuditActor): Promise<SentPayout>
  recordPayoutBatchFailures(batchId: string, failures: PayoutBatchFailure[]): Promise<void>
}

export type PayoutBatchRun = { batch_id: string | null; events: PayoutEvents }

export async function runPayoutBatch(ops: PayoutBatchOperations, input: CreatePayoutBatchInput): Promise<PayoutBatchRun> {
  const events = emptyPayoutEvents()
  const batch = await ops.createPayoutBatch(input)
  if (!batch) {
    return { batch_id: null, events }
  }
  const failures: PayoutBatchFailure[] = []
  for (const affiliateId of await ops.listDueAffiliateIds(input.currency_code, input.affiliate_ids)) {
    let payoutId: string | undefined
    try {
      const payout = await ops.createPayout({
        affiliate_id: affiliateId,
        currency_code: input.currency_code,
        provider_id: input.provider_id,
        note: input.note ?? null,
        created_by: input.created_by ?? null,
        actor: input.actor,
        batch_id: batch.id,
      })
      payoutId = payout.id
      events.created.push({ id: payout.id, affiliate_id: affiliateId })
      const sent = await ops.sendPayout(payout.id, input.actor)
      if (sent.status === "paid") events.paid.push({ id: payout.id, affiliate_id: affiliateId })
      if (sent.status === "failed") {
        events.failed.push({ id: payout.id, affiliate_id: affiliateId })
        failures.push({ affiliate_id: affiliateId, payout_id: payout.id, message: sent.failure_reason ?? "failed" })
      }
    } catch (e) {
      failures.push({
        affiliate_id: affiliateId,
        ...(payoutId ? { payout_id: payoutId } : {}),
        message: (e as Error).message,
      })
    }
  }
  await ops.recordPayoutBatchFailures(batch.id, failures)
  return { batch_id: batch.id, events }
}
