import { clickRollupCtes } from "./rollups"
import { CLICKS_KEY, DAY, DAY_ENDS, DAY_STARTS, NO_SNAPSHOT, readState, StatState } from "./read-model"

/**
 * Adds the clicks committed since the last roll-up to the click counters of
 * the full table and every roll-up, in one statement, so the clicks it
 * reads and the snapshot it keeps are the same: a click is rolled up by the
 * first roll-up whose snapshot sees its transaction (`tx_id`), and never
 * again. A transaction still running is simply taken next time; nothing
 * depends on the order in which transactions commit. A click is a unique
 * visitor when it is the visitor's first click for the affiliate that UTC
 * day: first among the new clicks, with none of that day rolled up before.
 * Call it holding the read model's lock.
 */
export async function rollUpClicks(trx: any, state?: StatState): Promise<number> {
  const dimensions = "day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign"
  // The last snapshot is read first, so the planner sees its xmin as a value
  // and range-scans the `tx_id` index (only the lock holder writes it).
  const previous = (state ?? (await readState(trx)))[CLICKS_KEY]
  const bounds = {
    snapshot: previous?.snapshot ?? NO_SNAPSHOT,
    xmin: previous?.xmin ?? NO_SNAPSHOT.split(":")[0],
  }
  // Nothing new (a quiet shop): no roll-up, and the snapshot stays, which is
  // still exact: every click it could not see is still to be taken.
  const { rows: [probe] } = await trx.raw(
    `SELECT EXISTS (
       SELECT 1 FROM affiliate_click
        WHERE tx_id >= CAST(:xmin AS xid8) AND NOT pg_visible_in_snapshot(tx_id, CAST(:snapshot AS pg_snapshot))
     ) AS fresh`,
    bounds
  )
  if (!probe?.fresh) {
    return 0
  }
  const { rows } = await trx.raw(
    `WITH fresh AS (
       SELECT c.id, c.created_at, c.affiliate_id, c.visitor_hash, ${DAY("c.created_at")} AS day,
              COALESCE(c.sales_channel_id, '') AS sales_channel_id, COALESCE(c.code_id, '') AS code_id,
              COALESCE(c.link_id, '') AS link_id, COALESCE(c.utm_campaign, '') AS utm_campaign
         FROM affiliate_click c
        WHERE c.tx_id >= CAST(:xmin AS xid8)
          AND NOT pg_visible_in_snapshot(c.tx_id, CAST(:snapshot AS pg_snapshot))
          AND c.deleted_at IS NULL
     ), ranked AS (
       SELECT f.*, row_number() OVER (PARTITION BY affiliate_id, visitor_hash, day ORDER BY created_at, id) AS visit
         FROM fresh f
     ), counted AS (
       SELECT ${dimensions}, COUNT(*)::int AS clicks,
              COUNT(*) FILTER (WHERE visit = 1 AND NOT EXISTS (
                SELECT 1 FROM affiliate_click o
                 WHERE o.affiliate_id = r.affiliate_id AND o.visitor_hash = r.visitor_hash
                   AND o.created_at >= ${DAY_STARTS("r.day")} AND o.created_at < ${DAY_ENDS("r.day")}
                   AND o.deleted_at IS NULL
                   AND pg_visible_in_snapshot(o.tx_id, CAST(:snapshot AS pg_snapshot))
              ))::int AS unique_visitors
         FROM ranked r
        GROUP BY ${dimensions}
     ), full_table AS (
       INSERT INTO affiliate_daily_stat AS s (${dimensions}, currency_code, clicks, unique_visitors)
       SELECT ${dimensions}, '', clicks, unique_visitors FROM counted
       ON CONFLICT (${dimensions}, currency_code) DO UPDATE
         SET clicks = s.clicks + EXCLUDED.clicks, unique_visitors = s.unique_visitors + EXCLUDED.unique_visitors
     ), ${clickRollupCtes("counted")}, state AS (
       INSERT INTO affiliate_stat_state (key, value, snapshot) VALUES (:key, now(), pg_current_snapshot())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, snapshot = EXCLUDED.snapshot
     )
     SELECT COALESCE(SUM(clicks), 0)::int AS clicks FROM counted`,
    { key: CLICKS_KEY, ...bounds }
  )
  return rows[0]?.clicks ?? 0
}
