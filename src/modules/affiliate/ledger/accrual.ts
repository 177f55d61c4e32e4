/**
 * An order's accrual, one transaction: the attribution linked (or created)
 * with its reason, the customer's binding, every level's sale line and the
 * paid mark; and its inverse.
 */
import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"
import { AttributionSource, CommissionStatus, CommissionType } from "../types"
import type { AccrualUndo, AccrueOrderInput, OrderAccrual } from "../../../types/ledger"
import { insertLines, newLineStatus } from "./lines"

export type { AccrualLineInput, AccrualUndo, AccrueOrderInput, OrderAccrual } from "../../../types/ledger"
export { FRAUD_CHECK_ACTOR } from "./lines"

/**
 * The reason recorded on an accepted attribution whose order earns nothing
 * (no rule pays anything on it): without it, "accepted and no lines" would
 * look the same as an accrual that never finished.
 */
export const NO_COMMISSION = "no_commission"

/**
 * SQL condition (on an attribution aliased `alias`) for an order that counts
 * as a referred order in reports and the conversion check: accepted, whether
 * or not a rule paid anything on it.
 */
export function countsAsOrderSql(alias: string) {
  return `(${alias}.rejection_reason IS NULL OR ${alias}.rejection_reason = '${NO_COMMISSION}')`
}

/** An undo record for an accrual that wrote nothing. */
export function nothingToUndo(): AccrualUndo {
  return {
    linked_attribution_id: null,
    created_attribution_id: null,
    reason_set_attribution_id: null,
    binding_id: null,
    line_ids: [],
    marked_paid_line_ids: [],
  }
}

/**
 * Writes the accrual of one order inside the caller's transaction: links
 * (or creates) its attribution with the rejection reason, binds the customer
 * for life, writes the missing sale lines (every level) and marks the order's
 * lines paid if it is. Nothing here commits on its own: either all of it is
 * in the ledger or none of it.
 *
 * Raw statements (the row lock, the binding) run before the ORM's writes,
 * which are flushed at commit.
 */
export async function writeOrderAccrual(tx: ModuleTx, input: AccrueOrderInput): Promise<OrderAccrual> {
  const { knex, service, context: sharedContext } = tx
  const undo = nothingToUndo()
  const currency = input.order.currency_code.toLowerCase()

  // The order's own attribution, if a run before this one linked it; else
  // the cart's. Locked, so a concurrent run for the order waits for this one.
  const [linked] = await knex("affiliate_attribution")
    .where({ order_id: input.order_id })
    .whereNull("deleted_at")
    .forUpdate()
    .select("id", "order_id", "rejection_reason")
  let target: { id: string; order_id: string | null; rejection_reason: string | null } | undefined = linked
  if (!target && input.attribution.id) {
    ;[target] = await knex("affiliate_attribution")
      .where({ id: input.attribution.id })
      .whereNull("deleted_at")
      .forUpdate()
      .select("id", "order_id", "rejection_reason")
    if (!target) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Attribution with id: ${input.attribution.id} was not found`
      )
    }
    if (target.order_id && target.order_id !== input.order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Attribution ${target.id} already credits order ${target.order_id}, not ${input.order_id}`
      )
    }
  }
  const alreadyLinked = !!target?.order_id
  // A repeat run keeps the reason the first one recorded.
  let reason = alreadyLinked ? target!.rejection_reason : input.rejection_reason
  const accepted = reason == null

  // The first attributed order binds the customer; the unique index settles
  // a race with another order of the same customer without failing this one.
  if (accepted && input.binding) {
    const { rows } = await knex.raw(
      `INSERT INTO affiliate_customer_binding (id, customer_id, affiliate_id, referred_at, order_id)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        generateEntityId(undefined, "afbind"),
        input.binding.customer_id,
        input.binding.affiliate_id,
        new Date(input.binding.referred_at),
        input.order_id,
      ]
    )
    undo.binding_id = rows[0]?.id ?? null
  }

  const existingLines = await service.listCommissionLines(
    { order_id: input.order_id, type: CommissionType.SALE },
    { select: ["id", "affiliate_id", "level"] },
    sharedContext
  )
  const toWrite = accepted
    ? input.lines.filter(
        (line) =>
          MathBN.gt(line.amount, 0) &&
          !existingLines.some(
            (existing) => existing.affiliate_id === line.affiliate_id && existing.level === line.level
          )
      )
    : []
  if (accepted && !toWrite.length && !existingLines.length) {
    reason = NO_COMMISSION
  }

  // What the attribution keeps of the order, linked now or created.
  const orderFacts = {
    order_id: input.order_id,
    rejection_reason: reason,
    sales_channel_id: input.order.sales_channel_id,
    ordered_at: new Date(input.order.ordered_at),
    // The DML types a bigNumber field as `number`; it takes any BigNumberInput and keeps it exact.
    order_total: input.order.total as number,
    currency_code: currency,
    priced_version: input.order.version,
  }
  let attributionId: string
  if (target && !alreadyLinked) {
    await service.updateAttributions(
      {
        id: target.id,
        ...orderFacts,
        ...(input.order.customer_id ? { customer_id: input.order.customer_id } : {}),
      },
      sharedContext
    )
    attributionId = target.id
    undo.linked_attribution_id = target.id
  } else if (target) {
    if (reason !== target.rejection_reason) {
      await service.updateAttributions({ id: target.id, rejection_reason: reason }, sharedContext)
      undo.reason_set_attribution_id = target.id
    }
    attributionId = target.id
  } else {
    const created = await service.createAttributions(
      {
        ...orderFacts,
        customer_id: input.order.customer_id,
        affiliate_id: input.attribution.affiliate_id,
        source: (input.attribution.source as AttributionSource) ?? AttributionSource.LIFETIME,
        referred_at: new Date(input.attribution.referred_at),
      },
      sharedContext
    )
    attributionId = created.id
    undo.created_attribution_id = created.id
  }

  const paidAt = input.paid_at ? new Date(input.paid_at) : null
  const holdUntil = paidAt ? new Date(paidAt.getTime() + input.hold_days * 86_400_000) : null
  let written: OrderAccrual["written"] = []
  if (toWrite.length) {
    const now = new Date()
    // One insert writes every level at once: a millisecond apart, by level,
    // the lines keep the order (referrer first) that lists by date show.
    const byLevel = [...toWrite].sort((a, b) => a.level - b.level)
    written = await insertLines(
      tx,
      byLevel.map((line, index) => ({
        created_at: new Date(now.getTime() + index),
        affiliate_id: line.affiliate_id,
        attribution_id: attributionId,
        order_id: input.order_id,
        type: CommissionType.SALE,
        ...newLineStatus(input.hold_reason, now),
        level: line.level,
        source: input.attribution.source,
        amount: line.amount,
        base_amount: line.base_amount,
        rate: line.rate,
        rule: line.rule,
        currency_code: currency,
        paid_by_customer_at: paidAt,
        hold_until: holdUntil,
      }))
    )
    undo.line_ids = written.map((line) => line.id)
  }

  // Lines written by an earlier run, before the customer had paid.
  if (paidAt && existingLines.length) {
    const unpaid = await service.listCommissionLines(
      {
        id: existingLines.map((line) => line.id),
        paid_by_customer_at: null,
        status: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD],
      },
      { select: ["id"] },
      sharedContext
    )
    if (unpaid.length) {
      await service.updateCommissionLines(
        unpaid.map((line) => ({ id: line.id, paid_by_customer_at: paidAt, hold_until: holdUntil })),
        sharedContext
      )
      undo.marked_paid_line_ids = unpaid.map((line) => line.id)
    }
  }

  return {
    attribution_id: attributionId,
    rejection_reason: reason,
    line_ids: [...existingLines.map((line) => line.id), ...undo.line_ids],
    written,
    undo,
  }
}

/**
 * Takes back what `writeOrderAccrual` wrote (workflow compensation), inside
 * the caller's transaction.
 */
export async function undoOrderAccrual({ service, context: sharedContext }: ModuleTx, undo: AccrualUndo): Promise<void> {
  if (undo.line_ids.length) {
    await service.deleteCommissionLines(undo.line_ids, sharedContext)
  }
  if (undo.marked_paid_line_ids.length) {
    await service.updateCommissionLines(
      undo.marked_paid_line_ids.map((id) => ({ id, paid_by_customer_at: null, hold_until: null })),
      sharedContext
    )
  }
  if (undo.binding_id) {
    await service.deleteCustomerBindings(undo.binding_id, sharedContext)
  }
  if (undo.linked_attribution_id) {
    await service.updateAttributions(
      {
        id: undo.linked_attribution_id,
        order_id: null,
        rejection_reason: null,
        ordered_at: null,
        order_total: null,
        currency_code: null,
        priced_version: null,
      },
      sharedContext
    )
  }
  if (undo.reason_set_attribution_id) {
    await service.updateAttributions(
      { id: undo.reason_set_attribution_id, rejection_reason: null },
      sharedContext
    )
  }
  if (undo.created_attribution_id) {
    await service.deleteAttributions(undo.created_attribution_id, sharedContext)
  }
}

/**
 * After a failed accrual: if a concurrent run won the race on a unique index,
 * what it wrote (this run wrote nothing); else null, and the error stands.
 */
export async function accrualOfWinner(tx: ModuleTx, orderId: string): Promise<OrderAccrual | null> {
  const [attribution] = await tx.knex("affiliate_attribution")
    .where({ order_id: orderId })
    .whereNull("deleted_at")
    .select("id", "rejection_reason")
  const lines: { id: string }[] = attribution
    ? await tx.knex("affiliate_commission_line")
        .where({ order_id: orderId, type: CommissionType.SALE })
        .whereNull("deleted_at")
        .select("id")
    : []
  if (!attribution || (!attribution.rejection_reason && !lines.length)) {
    return null
  }
  return {
    attribution_id: attribution.id,
    rejection_reason: attribution.rejection_reason ?? null,
    line_ids: lines.map((line) => line.id),
    written: [],
    undo: nothingToUndo(),
  }
}
