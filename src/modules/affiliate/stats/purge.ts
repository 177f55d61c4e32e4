import { rollUpClicks } from "./click-rollup"
import { CLICKS_KEY, LOCK, PURGE_KEY } from "./read-model"

/**
 * J1: deletes clicks from before the start of the UTC day `retentionDays`
 * ago. Whole days only, so every remaining day has all its clicks and a
 * rebuild recounts it exactly; the daily rows keep the purged days' counts.
 */
export async function purgeClicks(knex: any, retentionDays: number, now = new Date()): Promise<{ deleted: number; before: Date }> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  const before = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), cutoff.getUTCDate()))
  return await knex.transaction(async (trx: any) => {
    // Waits for a running refresh or rebuild, which must not count half a purge.
    await trx.raw(`SELECT pg_advisory_xact_lock(${LOCK})`)
    // Every click deleted must have been counted: roll up first, then delete
    // only clicks that roll-up saw.
    await rollUpClicks(trx)
    const result = await trx.raw(
      `DELETE FROM affiliate_click
        WHERE created_at < ?
          AND pg_visible_in_snapshot(tx_id, (SELECT snapshot FROM affiliate_stat_state WHERE key = ?))`,
      [before, CLICKS_KEY]
    )
    await trx.raw(
      `INSERT INTO affiliate_stat_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = GREATEST(affiliate_stat_state.value, EXCLUDED.value)`,
      [PURGE_KEY, before]
    )
    return { deleted: result.rowCount ?? 0, before }
  })
}
