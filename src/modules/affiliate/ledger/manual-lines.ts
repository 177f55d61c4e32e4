/** Adjustments and bonuses an admin makes by hand, each with its reason, actor and audit entry. */
import { MedusaError } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { writeAuditEntries } from "../audit/audit-log"
import { fenceIdempotencyKey } from "../idempotency/keys"
import { roundAmount } from "../utils/money"
import { AuditAction } from "../../../types/audit"
import { CommissionStatus, CommissionType, CreateManualLinesInput, WrittenLine } from "../../../types/ledger"
import { insertLines } from "./lines"

/** What marks a line as made by hand. */
export const MANUAL_REFERENCE = "manual"

/**
 * Writes lines an admin made by hand (adjustments, positive or negative, and
 * bonuses), approved unless asked otherwise, with one audit entry each, under
 * the request's `Idempotency-Key` claim when there is one. All or none: an
 * unknown affiliate writes nothing.
 */
export async function createManualLines(
  tx: ModuleTx,
  { lines, actor, idempotency }: CreateManualLinesInput,
  now = new Date()
): Promise<WrittenLine[]> {
  const affiliateIds = [...new Set(lines.map((line) => line.affiliate_id))]
  const found = await tx.knex("affiliate").whereIn("id", affiliateIds).whereNull("deleted_at").pluck("id")
  const missing = affiliateIds.filter((id) => !found.includes(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${missing.join(", ")} was not found`)
  }
  const rows = lines.map(({ status = CommissionStatus.APPROVED, ...line }) => ({
    affiliate_id: line.affiliate_id,
    type: line.type,
    status,
    amount: roundAmount(line.amount, line.currency_code).toString(),
    currency_code: line.currency_code.toLowerCase(),
    order_id: line.order_id ?? null,
    reason: line.reason,
    reference: MANUAL_REFERENCE,
    created_by: actor.actor_id,
    approved_at: status === CommissionStatus.APPROVED ? now : null,
  }))
  const written = await insertLines(tx, rows)
  await writeAuditEntries(
    tx.knex,
    written.map((line, index) => ({
      ...actor,
      action: rows[index].type === CommissionType.BONUS ? AuditAction.BONUS_CREATED : AuditAction.ADJUSTMENT_CREATED,
      target_type: "commission_line" as const,
      target_id: line.id,
      affiliate_id: line.affiliate_id,
      before: null,
      after: { amount: rows[index].amount, currency_code: rows[index].currency_code, status: rows[index].status },
      reason: rows[index].reason,
    }))
  )
  if (idempotency) {
    await fenceIdempotencyKey(tx.knex, idempotency, `commission_lines:${written.map((line) => line.id).join(",")}`)
  }
  return written
}

/**
 * The inverse of every line writer, for a workflow's compensation: takes back
 * lines that a workflow which then failed wrote, so they never were.
 */
export async function undoLines(tx: ModuleTx, ids: string[]): Promise<void> {
  if (ids.length) {
    await tx.service.deleteCommissionLines(ids, tx.context)
  }
}
