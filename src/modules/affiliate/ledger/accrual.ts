// Over 400 lines: an order's accrual is one transaction (attribution, binding, every level's
// lines, paid mark) plus its inverse and the reconciliation queries that check its invariant;
// issue 10's ledger split will move the reconciliation queries out.
import { BigNumberInput, Context } from "@medusajs/framework/types"
import { generateEntityId, MathBN, MedusaError } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../service"
import { AttributionSource, CommissionStatus, CommissionType } from "../types"

/**
 * The reason recorded on an accepted attribution whose order earns nothing
 * (no rule pays anything on it): without it, "accepted and no lines" would
 * look the same as an accrual that never finished.
 */
export const NO_COMMISSION = "no_commission"

/** Who put a line on hold when no admin did: the fraud screen (E7). */
export const FRAUD_CHECK_ACTOR = "system:fraud_check"

/**
 * SQL condition (on an attribution aliased `alias`) for an order that counts
 * as a referred order in reports and the conversion check: accepted, whether
 * or not a rule paid anything on it.
 */
export function countsAsOrderSql(alias: string) {
  return `(${alias}.rejection_reason IS NULL OR ${alias}.rejection_reason = '${NO_COMMISSION}')`
}

/** One sale line the rules engine priced: for one affiliate and level. */
export type AccrualLineInput = {
  affiliate_id: string
  level: number
  amount: BigNumberInput
  base_amount: BigNumberInput | null
  rate: BigNumberInput | null
  rule: string
}

/**
 * Everything the accrual of one order writes, decided beforehand from the
 * order, the program settings, the fraud screen and the rules engine.
 */
export type AccrueOrderInput = {
  order_id: string
  /**
   * The attribution credited with the order: an existing row (the cart's, or
   * the order's own on a repeat run) by `id`, or a new lifetime one.
   */
  attribution: {
    id?: string | null
    affiliate_id: string
    source: string
    referred_at: Date | string
  }
  /** What the attribution keeps of the order, for the reports. */
  order: {
    customer_id: string | null
    sales_channel_id: string | null
    ordered_at: Date | string
    total: BigNumberInput
    currency_code: string
    /** The order's version the lines were priced at (order edits re-price later versions). */
    version: number
  }
  /** Why the order earns nothing (e.g. "attribution_expired"), or null. */
  rejection_reason: string | null
  /** Why its lines wait on hold for a review (E7), or null. */
  hold_reason: string | null
  /** The lifetime binding to write if the customer has none yet (C6). */
  binding: { customer_id: string; affiliate_id: string; referred_at: Date | string } | null
  /** The sale lines, one per earning affiliate and level, amounts above zero. */
  lines: AccrualLineInput[]
  /** When the customer paid in full, if they have: starts the lines' hold. */
  paid_at: Date | string | null
  /** Days a paid line waits before approval. */
  hold_days: number
}

/** What `accrueOrder` wrote, for its inverse. */
export type AccrualUndo = {
  /** An existing attribution that this accrual linked to the order. */
  linked_attribution_id: string | null
  /** A lifetime attribution this accrual created. */
  created_attribution_id: string | null
  /** An attribution already linked whose `no_commission` reason this accrual set. */
  reason_set_attribution_id: string | null
  binding_id: string | null
  line_ids: string[]
  /** Lines that existed before and that this accrual marked paid. */
  marked_paid_line_ids: string[]
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

export type OrderAccrual = {
  attribution_id: string
  rejection_reason: string | null
  /** All of the order's sale lines, written now or before. */
  line_ids: string[]
  undo: AccrualUndo
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
export async function writeOrderAccrual(
  service: AffiliateModuleService,
  knex: any,
  input: AccrueOrderInput,
  sharedContext: Context
): Promise<OrderAccrual> {
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
    { select: ["id", "affiliate_id", "level"] as any },
    sharedContext
  )
  const toWrite = accepted
    ? input.lines.filter(
        (line) =>
          MathBN.gt(line.amount, 0) &&
          !existingLines.some(
            (existing: any) => existing.affiliate_id === line.affiliate_id && existing.level === line.level
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
    order_total: input.order.total,
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
      } as any,
      sharedContext
    )
    attributionId = target.id
    undo.linked_attribution_id = target.id
  } else if (target) {
    if (reason !== target.rejection_reason) {
      await service.updateAttributions({ id: target.id, rejection_reason: reason } as any, sharedContext)
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
      } as any,
      sharedContext
    )
    attributionId = created.id
    undo.created_attribution_id = created.id
  }

  const paidAt = input.paid_at ? new Date(input.paid_at) : null
  const holdUntil = paidAt ? new Date(paidAt.getTime() + input.hold_days * 86_400_000) : null
  if (toWrite.length) {
    const now = new Date()
    // One insert writes every level at once: a millisecond apart, by level,
    // the lines keep the order (referrer first) that lists by date show.
    const byLevel = [...toWrite].sort((a, b) => a.level - b.level)
    const created = (await service.createCommissionLines(
      byLevel.map((line, index) => ({
        created_at: new Date(now.getTime() + index),
        affiliate_id: line.affiliate_id,
        attribution_id: attributionId,
        order_id: input.order_id,
        type: CommissionType.SALE,
        ...(input.hold_reason
          ? {
              status: CommissionStatus.ON_HOLD,
              status_reason: input.hold_reason,
              status_changed_by: FRAUD_CHECK_ACTOR,
              status_changed_at: now,
            }
          : { status: CommissionStatus.PENDING }),
        level: line.level,
        source: input.attribution.source,
        amount: line.amount,
        base_amount: line.base_amount,
        rate: line.rate,
        rule: line.rule,
        currency_code: currency,
        paid_by_customer_at: paidAt,
        hold_until: holdUntil,
      })) as any[],
      sharedContext
    )) as unknown as { id: string }[]
    undo.line_ids = created.map((line) => line.id)
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
    undo,
  }
}

/**
 * Takes back what `writeOrderAccrual` wrote (workflow compensation), inside
 * the caller's transaction.
 */
export async function undoOrderAccrual(
  service: AffiliateModuleService,
  undo: AccrualUndo,
  sharedContext: Context
): Promise<void> {
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
      } as any,
      sharedContext
    )
  }
  if (undo.reason_set_attribution_id) {
    await service.updateAttributions(
      { id: undo.reason_set_attribution_id, rejection_reason: null } as any,
      sharedContext
    )
  }
  if (undo.created_attribution_id) {
    await service.deleteAttributions(undo.created_attribution_id, sharedContext)
  }
}

/**
 * The reconciliation's SQL (plugin tables only; indexes named beside each).
 * `since` bounds the look-back by the order's date on its attribution.
 */

/**
 * Accepted attributed orders with no sale line: an accrual that never
 * finished (e.g. a process killed by an older version between its steps).
 * Reads the partial index `IDX_affiliate_attribution_accepted_ordered` and,
 * per order, `IDX_affiliate_commission_line_order`.
 */
export async function queryUnaccruedOrderIds(knex: any, since: Date, limit: number): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT a.order_id
       FROM affiliate_attribution a
      WHERE a.order_id IS NOT NULL AND a.rejection_reason IS NULL AND a.deleted_at IS NULL
        AND a.ordered_at >= ?
        AND NOT EXISTS (
              SELECT 1 FROM affiliate_commission_line c
               WHERE c.order_id = a.order_id AND c.type = 'sale' AND c.deleted_at IS NULL)
      ORDER BY a.ordered_at, a.order_id
      LIMIT ?`,
    [since, limit]
  )
  return rows.map((row: { order_id: string }) => row.order_id)
}

/**
 * Attributed orders with a sale line that still carries commission: not
 * rejected and not taken back in full by reversals, clawbacks and edits.
 * Only these can miss a cancel, refund or edit; an order reversed in full has
 * nothing left to miss. Pages by (ordered_at, order_id) after `after`. Reads
 * the partial index `IDX_affiliate_attribution_accepted_ordered`, then
 * `IDX_affiliate_commission_line_order` and the reversal index.
 */
export async function queryOrdersWithOutstandingCommission(
  knex: any,
  since: Date,
  after: OrderCursor | null,
  limit: number
): Promise<(OrderCursor & { priced_version: number | null })[]> {
  const { rows } = await knex.raw(
    `SELECT a.order_id, a.ordered_at, a.priced_version
       FROM affiliate_attribution a
      WHERE a.order_id IS NOT NULL AND a.rejection_reason IS NULL AND a.deleted_at IS NULL
        AND a.ordered_at >= ? AND (a.ordered_at, a.order_id) > (?, ?)
        AND EXISTS (
              SELECT 1 FROM affiliate_commission_line c
               WHERE c.order_id = a.order_id AND c.type = 'sale' AND c.status <> 'rejected'
                 AND c.deleted_at IS NULL
                 AND c.amount + COALESCE((
                       SELECT SUM(r.amount) FROM affiliate_commission_line r
                        WHERE r.reverses_id = c.id AND r.status <> 'rejected' AND r.deleted_at IS NULL), 0) > 0)
      ORDER BY a.ordered_at, a.order_id
      LIMIT ?`,
    [since, after?.ordered_at ?? since, after?.order_id ?? "", limit]
  )
  return rows
}

/** Where a page of attributed orders ended. */
export type OrderCursor = { ordered_at: Date; order_id: string }
