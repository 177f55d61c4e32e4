import type { Pool } from "pg"

/**
 * What the ledger must satisfy whatever happened to the processes that wrote
 * it (docs/RELIABILITY.md), checked with SQL over the whole database:
 *
 * - lost.sales: orders placed from a cart with a referral (an attribution row
 *   for the cart) that have no sale line and no recorded reason for earning
 *   nothing (`rejection_reason`).
 * - lost.cancellations: sale lines of canceled orders not taken back to 0.
 * - lost.refunds: sale lines of refunded orders that keep more than what is
 *   left after each refund's share (refund / captured of the line, rounded
 *   to the cent, as ARCHITECTURE.md says), beyond a cent per refund.
 * - duplicated.sales: two sale lines for one order, affiliate and level.
 * - duplicated.reversals: two negative lines for one line and cause.
 * - duplicated.overReversed: sale lines taken back more than that.
 * - payoutMismatches: payouts whose lines don't add up to their amount.
 *
 * The checks read values, not the names of references, so they hold however
 * a repair writes its lines (e.g. a missed cancellation repaired through its
 * refund).
 */
export type LedgerCheck = {
  /** Orders placed from a cart with an attribution. */
  referredOrders: number
  /**
   * Orders with no link to a cart (Medusa writes the order and its cart link
   * in separate steps of cart completion): nobody, the plugin included, can
   * tell whether they were referred. Reported, not a failure of the plugin.
   */
  ordersWithoutCart: number
  lost: { sales: string[]; cancellations: string[]; refunds: string[] }
  duplicated: { sales: string[]; reversals: string[]; overReversed: string[] }
  /** Payouts checked (all but canceled and failed ones). */
  payouts: number
  payoutMismatches: { id: string; amount: string; lines: string }[]
}

export async function checkLedger(db: Pool): Promise<LedgerCheck> {
  const referred = await db.query(
    `SELECT oc.order_id,
            EXISTS (SELECT 1 FROM affiliate_commission_line l
                     WHERE l.order_id = oc.order_id AND l.type = 'sale' AND l.deleted_at IS NULL) AS has_sale,
            a.rejection_reason
       FROM affiliate_attribution a
       JOIN order_cart oc ON oc.cart_id = a.cart_id AND oc.deleted_at IS NULL
       JOIN "order" o ON o.id = oc.order_id AND o.deleted_at IS NULL
      WHERE a.deleted_at IS NULL`
  )
  const unlinked = await db.query(
    `SELECT COUNT(*)::int AS n FROM "order" o
      WHERE o.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM order_cart oc WHERE oc.order_id = o.id AND oc.deleted_at IS NULL)`
  )
  const lostSales = referred.rows
    .filter((row) => !row.has_sale && !row.rejection_reason)
    .map((row) => row.order_id as string)

  const duplicateSales = await db.query(
    `SELECT order_id || '/' || affiliate_id || '/' || level AS key
       FROM affiliate_commission_line
      WHERE type = 'sale' AND deleted_at IS NULL
      GROUP BY order_id, affiliate_id, level HAVING COUNT(*) > 1`
  )
  const duplicateReversals = await db.query(
    `SELECT reverses_id || '/' || COALESCE(reference, '') AS key
       FROM affiliate_commission_line
      WHERE reverses_id IS NOT NULL AND deleted_at IS NULL
      GROUP BY reverses_id, reference HAVING COUNT(*) > 1`
  )

  // Each earning line with what is left of it, its order's state and refunds.
  const lines = await db.query(
    `SELECT s.id, s.order_id, s.amount::numeric AS amount,
            s.amount + COALESCE((SELECT SUM(r.amount) FROM affiliate_commission_line r
                                  WHERE r.reverses_id = s.id AND r.deleted_at IS NULL
                                    AND r.status <> 'rejected'), 0) AS remaining,
            o.status = 'canceled' AS canceled
       FROM affiliate_commission_line s
       JOIN "order" o ON o.id = s.order_id
      WHERE s.type = 'sale' AND s.deleted_at IS NULL AND s.status <> 'rejected'`
  )
  const payments = await db.query(
    `SELECT opc.order_id, pc.captured_amount,
            COALESCE(json_agg(json_build_object('amount', rf.amount, 'at', rf.created_at))
                       FILTER (WHERE rf.id IS NOT NULL), '[]') AS refunds
       FROM order_payment_collection opc
       JOIN payment_collection pc ON pc.id = opc.payment_collection_id AND pc.deleted_at IS NULL
       LEFT JOIN payment p ON p.payment_collection_id = pc.id AND p.deleted_at IS NULL
       LEFT JOIN refund rf ON rf.payment_id = p.id AND rf.deleted_at IS NULL
      WHERE opc.deleted_at IS NULL
      GROUP BY opc.order_id, pc.id, pc.captured_amount`
  )
  const byOrder = new Map<string, { captured: number; refunds: { amount: number; at: string }[] }>()
  for (const row of payments.rows) {
    const entry = byOrder.get(row.order_id) ?? { captured: 0, refunds: [] }
    entry.captured += Number(row.captured_amount ?? 0)
    entry.refunds.push(...row.refunds.map((r: any) => ({ amount: Number(r.amount), at: r.at })))
    byOrder.set(row.order_id, entry)
  }

  const lostCancellations: string[] = []
  const lostRefunds: string[] = []
  const overReversed: string[] = []
  for (const line of lines.rows) {
    const amount = Number(line.amount)
    const remaining = Number(line.remaining)
    let expected = amount
    let tolerance = 0.000001
    if (line.canceled) {
      expected = 0
    } else {
      const order = byOrder.get(line.order_id)
      const refunds = [...(order?.refunds ?? [])].sort((a, b) => a.at.localeCompare(b.at))
      for (const refund of refunds) {
        if (!order!.captured) break
        const share = Math.min(roundCents(amount * Math.min(refund.amount / order!.captured, 1)), expected)
        expected -= share
        tolerance += 0.01
      }
    }
    if (remaining > expected + tolerance) {
      ;(line.canceled ? lostCancellations : lostRefunds).push(line.id)
    } else if (remaining < expected - tolerance || remaining < -0.000001) {
      overReversed.push(line.id)
    }
  }

  const payouts = await db.query(
    `SELECT p.id, p.amount::text AS amount, COALESCE(SUM(l.amount), 0)::text AS lines,
            p.amount = COALESCE(SUM(l.amount), 0) AS adds_up
       FROM affiliate_payout p
       LEFT JOIN affiliate_commission_line l ON l.payout_id = p.id AND l.deleted_at IS NULL
      WHERE p.deleted_at IS NULL AND p.status NOT IN ('canceled', 'failed')
      GROUP BY p.id, p.amount`
  )

  return {
    referredOrders: referred.rows.length,
    ordersWithoutCart: unlinked.rows[0].n,
    lost: { sales: lostSales, cancellations: lostCancellations, refunds: lostRefunds },
    duplicated: {
      sales: duplicateSales.rows.map((row) => row.key),
      reversals: duplicateReversals.rows.map((row) => row.key),
      overReversed,
    },
    payouts: payouts.rows.length,
    payoutMismatches: payouts.rows
      .filter((row) => !row.adds_up)
      .map(({ id, amount, lines }) => ({ id, amount, lines })),
  }
}

/** Half away from zero to the cent (USD, the demo store's currency), as utils/money.ts rounds. */
function roundCents(value: number) {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100
}
