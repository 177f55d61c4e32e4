import { recomputeBalances } from "../ledger/balances"
import { CLICKS_KEY, DAY, LOCK, PURGE_KEY, SALES_COLUMNS, STATE_KEY, writeState, ZERO_SALES } from "./read-model"
import { rebuildRollups } from "./rollups"
import { salesSelect, upsertSales } from "./sales-refresh"

/**
 * Rebuilds the read model from the raw rows: every sales figure, and the click
 * figures of each day whose clicks are all still kept. Days before the last
 * retention purge keep the click counts they had, since their clicks are gone.
 * The roll-ups are summed again from the rebuilt full table.
 */
export async function rebuildDailyStats(knex: any, now = new Date()): Promise<{ purged_before: Date | null }> {
  return await knex.transaction(async (trx: any) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(${LOCK})`)
    const { rows: [purge] } = await trx.raw(`SELECT value FROM affiliate_stat_state WHERE key = ?`, [PURGE_KEY])
    const clicksFrom = purge ? new Date(purge.value).toISOString().slice(0, 10) : "0001-01-01"

    await trx.raw(`UPDATE affiliate_daily_stat SET ${ZERO_SALES}`)
    await trx.raw(`UPDATE affiliate_daily_stat SET clicks = 0, unique_visitors = 0 WHERE day >= ?`, [clicksFrom])
    await trx.raw(upsertSales(salesSelect()))
    // The clicks counted and the snapshot kept come from one statement, so
    // the next roll-up takes exactly the clicks this one could not see.
    await trx.raw(
      `WITH recounted AS (
         INSERT INTO affiliate_daily_stat AS s
           (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code, clicks, unique_visitors)
         SELECT day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, '',
                COUNT(*)::int, COUNT(*) FILTER (WHERE visit = 1)::int
           FROM (
             SELECT ${DAY("created_at")} AS day, affiliate_id,
                    COALESCE(sales_channel_id, '') AS sales_channel_id, COALESCE(code_id, '') AS code_id,
                    COALESCE(link_id, '') AS link_id, COALESCE(utm_campaign, '') AS utm_campaign,
                    row_number() OVER (
                      PARTITION BY affiliate_id, visitor_hash, ${DAY("created_at")} ORDER BY created_at, id
                    ) AS visit
               FROM affiliate_click
              WHERE deleted_at IS NULL AND created_at >= CAST(:clicks_from AS date)
           ) c
          GROUP BY day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign
         ON CONFLICT (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code)
         DO UPDATE SET clicks = EXCLUDED.clicks, unique_visitors = EXCLUDED.unique_visitors
       )
       INSERT INTO affiliate_stat_state (key, value, snapshot) VALUES (:key, :now, pg_current_snapshot())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, snapshot = EXCLUDED.snapshot`,
      { clicks_from: clicksFrom, key: CLICKS_KEY, now }
    )
    await trx.raw(`DELETE FROM affiliate_daily_stat WHERE clicks = 0 AND unique_visitors = 0 AND ${SALES_COLUMNS.map((c) => `${c} = 0`).join(" AND ")}`)
    await rebuildRollups(trx)
    await recomputeBalances(trx, null)
    await writeState(trx, STATE_KEY, now)
    return { purged_before: purge ? new Date(purge.value) : null }
  })
}
