/**
 * The shapes every ledger writer shares: how a new line starts (pending, or
 * on hold for a fraud review), how a line written against another looks, and
 * the one insert that returns what it wrote.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import type { ModuleTx } from "../module-tx"
import { CommissionStatus, CommissionType, WrittenLine } from "../../../types/ledger"

/** Who put a line on hold when no admin did: the fraud screen (E7). */
export const FRAUD_CHECK_ACTOR = "system:fraud_check"

/** A line's amount at full precision: the `raw_` value when it was loaded. */
export function exactAmount(line: { amount: unknown; raw_amount?: unknown }): BigNumberInput {
  return (line.raw_amount ?? line.amount) as BigNumberInput
}

/**
 * The status a new sale or lead line starts in: pending, or on hold with the
 * fraud screen's reason (E7) for an admin to release or reject.
 */
export function newLineStatus(holdReason: string | null, now: Date) {
  return holdReason
    ? {
        status: CommissionStatus.ON_HOLD,
        status_reason: holdReason,
        status_changed_by: FRAUD_CHECK_ACTOR,
        status_changed_at: now,
      }
    : { status: CommissionStatus.PENDING }
}

/** The fields of a line that a line written against it copies. */
export type LedgerLine = {
  id: string
  affiliate_id: string
  status: CommissionStatus
  currency_code: string
  level: number
  source: string | null
  order_id: string | null
  attribution_id: string | null
  paid_by_customer_at: Date | null
  hold_until: Date | null
  approved_at: Date | null
  amount: unknown
  raw_amount?: unknown
}

/**
 * A line written against another (a reversal, clawback or edit adjustment):
 * it points at the line and shares its affiliate, order and currency. Against
 * a line not yet paid out it shares its status and dates, so the two move
 * together; against a paid-out line it is approved at once, for the next payout.
 */
export function lineAgainst(
  line: LedgerLine,
  written: { type: CommissionType; amount: string; reference: string; reason: string | null; created_by: string | null }
) {
  const paidOut = line.status === CommissionStatus.PAID
  return {
    ...written,
    affiliate_id: line.affiliate_id,
    status: paidOut ? CommissionStatus.APPROVED : line.status,
    currency_code: line.currency_code,
    level: line.level,
    source: line.source,
    order_id: line.order_id,
    attribution_id: line.attribution_id,
    reverses_id: line.id,
    paid_by_customer_at: paidOut ? null : line.paid_by_customer_at,
    hold_until: paidOut ? null : line.hold_until,
    approved_at: paidOut ? new Date() : line.approved_at,
  }
}

/** Writes ledger lines in the caller's transaction; returns what was written. */
export async function insertLines(tx: ModuleTx, rows: Record<string, unknown>[]): Promise<WrittenLine[]> {
  if (!rows.length) {
    return []
  }
  // The generated create takes the model's inferred input; rows are built by
  // the typed writers in this folder, so one cast here serves them all.
  const created = await tx.service.createCommissionLines(rows as never[], tx.context)
  return created.map((line) => ({ id: line.id, affiliate_id: line.affiliate_id }))
}

/** Loads ledger lines by a filter, typed as the writers read them. */
export async function loadLines(
  tx: ModuleTx,
  filters: Record<string, unknown>,
  config: Record<string, unknown> = {}
): Promise<LedgerLine[]> {
  return (await tx.service.listCommissionLines(filters as never, config as never, tx.context)) as unknown as LedgerLine[]
}
