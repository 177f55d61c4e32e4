/**
 * The reconciliation's SQL (plugin tables only; indexes named beside each):
 * the invariants an order's accrual keeps, checked without trusting events.
 * `since` bounds the look-back by the order's date on its attribution.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OrderCursor } from "../../../types/ledger"

export type { OrderCursor } from "../../../types/ledger"

/**
 * Accepted attributed orders with no sale line: an accrual that never
 * finished (e.g. a process killed by an older version between its steps).
 * Reads the partial index `IDX_affiliate_attribution_accepted_ordered` and,
 * per order, `IDX_affiliate_commission_line_order`.
 */
export async function queryUnaccruedOrderIds(knex: Knex, since: Date, limit: number): Promise<string[]> {
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
  knex: Knex,
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
