/**
 * Moving a payout to its next status, under the payout's row lock, with the
 * ledger lines the move needs and its audit entry, in one transaction.
 */
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { AuditAction, type AuditActor } from "../../../types/audit"
import { writeAuditEntries } from "../audit/audit-log"
import { fenceIdempotencyKey, IdempotencyFence } from "../idempotency/keys"
import { CommissionStatus, CommissionType, PayoutStatus } from "../types"
import { assertPayoutTransition } from "./transitions"
import { decimal, insertLines, LINE_TABLE, lockPayout, PAYOUT_TABLE, PayoutRow } from "./rows"

type KnexLike = any

export type PayoutStatusChange = {
  to: PayoutStatus.PROCESSING | PayoutStatus.PAID | PayoutStatus.FAILED | PayoutStatus.CANCELED
  /** Why (an admin's reason, a provider's failure reason). */
  reason?: string | null
  external_reference?: string | null
  note?: string | null
  actor: AuditActor
  /**
   * A provider's news may arrive twice (a redelivered webhook, two polls):
   * then a payout already in `to` (or already final) is left as it is, with
   * no error. An admin's action on a final payout is refused.
   */
  quietIfSettled?: boolean
  idempotency?: IdempotencyFence
}

export type PayoutStatusChangeResult = {
  payout: PayoutRow
  /** False when nothing changed (see `quietIfSettled`). */
  changed: boolean
  from: PayoutStatus
}

const STATUS_TIME: Record<PayoutStatusChange["to"], string> = {
  [PayoutStatus.PROCESSING]: "processing_at",
  [PayoutStatus.PAID]: "paid_at",
  [PayoutStatus.FAILED]: "failed_at",
  [PayoutStatus.CANCELED]: "canceled_at",
}

export async function changePayoutStatus(
  knex: KnexLike,
  id: string,
  change: PayoutStatusChange
): Promise<PayoutStatusChangeResult> {
  const payout = await lockPayout(knex, id)
  if (!payout) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${id} was not found`)
  }
  const from = payout.status
  if (change.quietIfSettled && (from === change.to || ![PayoutStatus.PENDING, PayoutStatus.PROCESSING].includes(from))) {
    return { payout, changed: false, from }
  }
  assertPayoutTransition(id, from, change.to)

  const now = new Date()
  const failing = change.to === PayoutStatus.FAILED
  const [row] = await knex(PAYOUT_TABLE)
    .where({ id })
    .update({
      status: change.to,
      [STATUS_TIME[change.to]]: now,
      status_reason: change.reason ?? null,
      status_changed_by: `${change.actor.actor_type}:${change.actor.actor_id}`,
      status_changed_at: now,
      ...(failing ? { failure_reason: change.reason ?? null } : {}),
      ...(change.external_reference !== undefined ? { external_reference: change.external_reference } : {}),
      ...(change.note !== undefined ? { note: change.note } : {}),
      updated_at: now,
    })
    .returning("*")

  if (change.to === PayoutStatus.FAILED || change.to === PayoutStatus.CANCELED) {
    await returnPayout(knex, payout, change, now)
  } else {
    // The lines didn't change, but what they count as did (in flight →
    // paid): touching them brings the balance read model along.
    await knex(LINE_TABLE).where({ payout_id: id }).update({ updated_at: now })
  }

  await writeAuditEntries(knex, [
    {
      ...change.actor,
      action: AuditAction.PAYOUT_STATUS_CHANGED,
      target_type: "payout",
      target_id: id,
      affiliate_id: payout.affiliate_id,
      before: { status: from },
      after: {
        status: change.to,
        ...(change.external_reference ? { external_reference: change.external_reference } : {}),
      },
      reason: change.reason ?? null,
    },
  ])
  if (change.idempotency) {
    await fenceIdempotencyKey(knex, change.idempotency, `payout:${id}`)
  }
  return { payout: { ...payout, ...row, amount: payout.amount }, changed: true, from }
}

/**
 * Gives a failed or canceled payout's amount back to the balance, deleting
 * nothing: a `payout_return` line of -amount settled by the payout (its lines
 * now add up to 0) and one of +amount approved in the balance, for the next
 * payout. Its lines keep pointing at it, so its history stays readable.
 */
async function returnPayout(knex: KnexLike, payout: PayoutRow, change: PayoutStatusChange, now: Date) {
  const common = {
    affiliate_id: payout.affiliate_id,
    currency_code: payout.currency_code,
    type: CommissionType.PAYOUT_RETURN,
    reference: `payout_return:${payout.id}`,
    reason: `Payout ${payout.id} ${change.to}${change.reason ? `: ${change.reason}` : ""}`.slice(0, 2000),
    created_by: `${change.actor.actor_type}:${change.actor.actor_id}`,
    approved_at: now,
  }
  await insertLines(knex, [
    { ...common, status: CommissionStatus.PAID, amount: decimal(MathBN.mult(payout.amount, -1)), payout_id: payout.id },
    { ...common, status: CommissionStatus.APPROVED, amount: decimal(payout.amount) },
  ])
}
