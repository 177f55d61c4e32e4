/**
 * A line's status lifecycle: paid by the customer (the hold starts), approved
 * when the hold has passed, and an admin's approve / reject / hold / release,
 * each with its inverse for a workflow's compensation.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { writeAuditEntries } from "../audit/audit-log"
import { fenceIdempotencyKey } from "../idempotency/keys"
import { assertLineTransitions, LINE_TRANSITIONS } from "../utils/line-transitions"
import { AuditAction, AuditEntryInput } from "../../../types/audit"
import {
  ChangeLinesStatusOptions,
  CommissionStatus,
  CommissionType,
  LineStatusAction,
  LineStatusChange,
  LineStatusSnapshot,
  WrittenLine,
} from "../../../types/ledger"
import { loadLines } from "./lines"

const DAY_MS = 86_400_000

/** The audit action of each admin action on lines. */
const AUDIT_ACTIONS: Record<LineStatusAction, AuditAction> = {
  approve: AuditAction.COMMISSION_APPROVED,
  reject: AuditAction.COMMISSION_REJECTED,
  hold: AuditAction.COMMISSION_HELD,
  release: AuditAction.COMMISSION_RELEASED,
}

/**
 * Marks an order's unpaid lines as paid by the customer, which starts their
 * hold period. Idempotent: lines already marked keep their first date.
 */
export async function markOrderPaid(tx: ModuleTx, orderId: string, paidAt: Date, holdDays: number): Promise<string[]> {
  const lines = await loadLines(
    tx,
    { order_id: orderId, paid_by_customer_at: null, status: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD] },
    { select: ["id"] }
  )
  if (!lines.length) {
    return []
  }
  const holdUntil = new Date(paidAt.getTime() + holdDays * DAY_MS)
  await tx.service.updateCommissionLines(
    lines.map((line) => ({ id: line.id, paid_by_customer_at: paidAt, hold_until: holdUntil })),
    tx.context
  )
  return lines.map((line) => line.id)
}

/** Undoes `markOrderPaid` for the given lines (workflow compensation). */
export async function unmarkLinesPaid(tx: ModuleTx, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await tx.service.updateCommissionLines(
    ids.map((id) => ({ id, paid_by_customer_at: null, hold_until: null })),
    tx.context
  )
}

/**
 * Approves pending lines whose customer has paid and whose hold has passed
 * by `now`. Lines on hold for review are left alone.
 */
export async function approveDueLines(tx: ModuleTx, now: Date): Promise<WrittenLine[]> {
  return await tx.knex("affiliate_commission_line")
    .where({ status: CommissionStatus.PENDING })
    // A sale waits for the customer's payment; a lead has none to wait for.
    .where((q) => q.whereNotNull("paid_by_customer_at").orWhere("type", CommissionType.LEAD))
    .where("hold_until", "<=", now)
    .whereNull("deleted_at")
    .update({ status: CommissionStatus.APPROVED, approved_at: now, updated_at: now })
    .returning(["id", "affiliate_id"])
}

/** Puts lines back to pending (workflow compensation of an approval). */
export async function revertApproval(tx: ModuleTx, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await tx.service.updateCommissionLines(
    ids.map((id) => ({ id, status: CommissionStatus.PENDING, approved_at: null })),
    tx.context
  )
}

const SNAPSHOT_FIELDS = [
  "id",
  "affiliate_id",
  "status",
  "reverses_id",
  "approved_at",
  "status_reason",
  "status_changed_by",
  "status_changed_at",
]

type SnapshotRow = LineStatusSnapshot & { reverses_id: string | null }

/**
 * Approves, rejects, holds or releases ledger lines by hand, all or none,
 * with one audit entry per changed line in the same transaction. A reversal
 * still in the same status as the line it reverses moves with it, so the two
 * keep netting to zero. Returns what the changed lines were, for compensation.
 */
export async function changeLinesStatus(
  tx: ModuleTx,
  ids: string[],
  action: LineStatusAction,
  { reason, actor, idempotency }: ChangeLinesStatusOptions
): Promise<LineStatusChange> {
  const list = async (filters: Record<string, unknown>) =>
    (await loadLines(tx, filters, { select: SNAPSHOT_FIELDS })) as unknown as SnapshotRow[]
  const lines = await list({ id: ids })
  const missing = ids.filter((id) => !lines.some((line) => line.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission line with id: ${missing.join(", ")} was not found`)
  }
  assertLineTransitions(lines, action)

  const reversals = await list({ reverses_id: ids, type: CommissionType.REVERSAL })
  const followers = reversals.filter(
    (reversal) =>
      !ids.includes(reversal.id) &&
      lines.find((line) => line.id === reversal.reverses_id)?.status === reversal.status
  )
  const targets = [...lines, ...followers]
  const { to } = LINE_TRANSITIONS[action]
  const now = new Date()
  await tx.service.updateCommissionLines(
    targets.map((line) => ({
      id: line.id,
      status: to,
      status_reason: reason ?? null,
      status_changed_by: actor.actor_id,
      status_changed_at: now,
      ...(to === CommissionStatus.APPROVED ? { approved_at: now } : {}),
    })),
    tx.context
  )
  await writeAuditEntries(
    tx.knex,
    targets.map(
      (line): AuditEntryInput => ({
        ...actor,
        action: AUDIT_ACTIONS[action],
        target_type: "commission_line",
        target_id: line.id,
        affiliate_id: line.affiliate_id,
        before: { status: line.status, status_reason: line.status_reason },
        after: { status: to, status_reason: reason ?? null },
        reason: reason ?? null,
      })
    )
  )
  if (idempotency) {
    await fenceIdempotencyKey(tx.knex, idempotency, `commission_lines:${targets.map((line) => line.id).join(",")}`)
  }
  return {
    previous: targets.map(({ reverses_id: _reverses, ...snapshot }) => snapshot),
    approved:
      to === CommissionStatus.APPROVED
        ? targets.map((line) => ({ id: line.id, affiliate_id: line.affiliate_id }))
        : [],
  }
}

/** Puts lines back as a snapshot describes them (workflow compensation). */
export async function restoreLinesStatus(tx: ModuleTx, snapshots: LineStatusSnapshot[]): Promise<void> {
  if (!snapshots.length) {
    return
  }
  await tx.service.updateCommissionLines(
    snapshots.map(({ affiliate_id: _affiliate, ...fields }) => fields),
    tx.context
  )
}
