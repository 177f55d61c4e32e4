/**
 * Batch payouts (F3): the batch row, the partners it pays, the failures it
 * reports. The payouts themselves are made one partner at a time, each in
 * its own transaction under that partner's lock (`run-batch.ts`).
 */
import { generateEntityId } from "@medusajs/framework/utils"
import { AuditAction, type AuditActor } from "../../../types/audit"
import { writeAuditEntries } from "../audit/audit-log"
import { fenceIdempotencyKey, IdempotencyFence } from "../idempotency/keys"
import { queryBalances } from "../ledger/balances"
import { isPayoutDue } from "./payable"
import { BATCH_TABLE } from "./rows"

type KnexLike = any

export type CreatePayoutBatchInput = {
  currency_code: string
  /** Only these partners (each still only when due); all partners due otherwise. */
  affiliate_ids?: string[] | null
  provider_id?: string
  note?: string | null
  created_by?: string | null
  actor: AuditActor
  /**
   * The monthly schedule's claim: the batch is made only if this job and
   * period were not claimed yet (`affiliate_period_run`), in the same transaction.
   */
  schedule?: { job: string; period: string }
  idempotency?: IdempotencyFence
}

export type PayoutBatchFailure = { affiliate_id: string; payout_id?: string; message: string }

/** Creates the batch row and its audit entry; null when the schedule's period was claimed already. */
export async function insertPayoutBatch(knex: KnexLike, input: CreatePayoutBatchInput): Promise<{ id: string } | null> {
  if (input.schedule) {
    const { rows } = await knex.raw(
      `INSERT INTO affiliate_period_run (job, period) VALUES (:job, :period) ON CONFLICT DO NOTHING RETURNING job`,
      input.schedule
    )
    if (!rows.length) {
      return null
    }
  }
  const id = generateEntityId(undefined, "afpbat")
  const currency = input.currency_code.toLowerCase()
  await knex(BATCH_TABLE).insert({
    id,
    currency_code: currency,
    provider_id: input.provider_id ?? "manual",
    note: input.note ?? null,
    affiliate_ids: input.affiliate_ids ? JSON.stringify(input.affiliate_ids) : null,
    failures: JSON.stringify([]),
    schedule_period: input.schedule?.period ?? null,
    created_by: input.created_by ?? null,
  })
  await writeAuditEntries(knex, [
    {
      ...input.actor,
      action: AuditAction.PAYOUT_BATCH_CREATED,
      target_type: "payout_batch",
      target_id: id,
      before: null,
      after: {
        currency_code: currency,
        provider_id: input.provider_id ?? "manual",
        affiliate_ids: input.affiliate_ids ?? null,
        schedule_period: input.schedule?.period ?? null,
      },
      reason: input.note ?? null,
    },
  ])
  if (input.idempotency) {
    await fenceIdempotencyKey(knex, input.idempotency, `payout_batch:${id}`)
  }
  return { id }
}

/**
 * The partners whose balance in `currency` is due a payout, from the ledger.
 * Only candidates: each payout decides again under the partner's lock.
 */
export async function dueAffiliateIds(
  knex: KnexLike,
  currency: string,
  minimum: number,
  affiliateIds?: string[] | null
): Promise<string[]> {
  const balances = await queryBalances(knex, {
    currency_code: currency.toLowerCase(),
    ...(affiliateIds ? { affiliate_id: affiliateIds } : {}),
  })
  return balances.filter((balance) => isPayoutDue(balance.available, minimum)).map((balance) => balance.affiliate_id)
}

export async function recordBatchFailures(knex: KnexLike, batchId: string, failures: PayoutBatchFailure[]) {
  await knex(BATCH_TABLE)
    .where({ id: batchId })
    .update({ failures: JSON.stringify(failures), updated_at: knex.fn.now() })
}

/** Every currency with a balance due (for a schedule that names none). */
export async function currenciesWithBalances(knex: KnexLike): Promise<string[]> {
  const rows = await knex("affiliate_commission_line")
    .whereNull("deleted_at")
    .where({ status: "approved" })
    .whereNull("payout_id")
    .distinct("currency_code")
    .orderBy("currency_code")
  return rows.map((row: { currency_code: string }) => row.currency_code)
}
