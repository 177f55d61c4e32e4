/** E7: the counts the fraud screen compares with the program's limits. */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { countsAsOrderSql } from "../ledger/accrual"

/** Clicks since `since` from the IP hash of the given click, that click included. */
export async function clicksFromSameIp(knex: Knex, clickId: string, since: Date): Promise<number> {
  const { rows } = await knex.raw(
    `SELECT COUNT(*)::int AS clicks
       FROM affiliate_click origin
       JOIN affiliate_click c ON c.ip_hash = origin.ip_hash
      WHERE origin.id = ? AND c.created_at >= ? AND c.deleted_at IS NULL`,
    [clickId, since]
  )
  return rows[0]?.clicks ?? 0
}

/**
 * An affiliate's recorded clicks and the orders that came from them (source
 * `link`) since a date. Orders from typed codes and lifetime bindings had no
 * click, so counting them would let a partner whose audience types the code
 * read as converting several hundred percent of clicks and be held as fraud.
 */
export async function affiliateConversion(
  knex: Knex,
  affiliateId: string,
  since: Date
): Promise<{ clicks: number; orders: number }> {
  const { rows } = await knex.raw(
    `SELECT
       (SELECT COUNT(*) FROM affiliate_click
         WHERE affiliate_id = :id AND created_at >= :since AND deleted_at IS NULL)::int AS clicks,
       (SELECT COUNT(*) FROM affiliate_attribution
         WHERE affiliate_id = :id AND source = 'link' AND order_id IS NOT NULL AND ordered_at >= :since
           AND ${countsAsOrderSql("affiliate_attribution")} AND deleted_at IS NULL)::int AS orders`,
    { id: affiliateId, since }
  )
  return { clicks: rows[0]?.clicks ?? 0, orders: rows[0]?.orders ?? 0 }
}
