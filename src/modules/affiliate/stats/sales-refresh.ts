import { recomputeBalances } from "../ledger/balances"
import { countsAsOrderSql } from "../ledger/accrual"
import { rollUpClicks } from "./click-rollup"
import { DAY, LOCK, readState, SALES_COLUMNS, STATE_KEY, toDay, writeState, ZERO_SALES } from "./read-model"
import { refreshRollups } from "./rollups"

/**
 * The refresh: brings the read model up to date on every report request
 * (and every minute from the job). Clicks are append-only
 * (`tracking/record-click.ts` inserts into `affiliate_click` and nothing
 * else); `rollUpClicks` adds the clicks committed since its last snapshot to
 * the click counters. Sales figures (leads, orders, revenue, commission by
 * status) are recomputed here from the ledger for every affiliate-day
 * something changed in, found by `updated_at`, so every path that writes a
 * line or an attribution is covered without hooking each one; then the
 * roll-ups over those affiliate-days, days and months (`rollups.ts`). The
 * same refresh recomputes the balance read model (`affiliate_balance`) of the
 * affiliates it found, for the admin's list of balances.
 */

/** How long a caller waits for a running refresh to commit before it reads anyway. */
const REFRESH_WAIT_MS = 2_000
// (The `deleted_at IS NULL` conditions below match the partial `updated_at`
// indexes; a soft-deleted row's day is recomputed by the next rebuild.)
// Rows written by a transaction that committed late can carry an `updated_at`
// older than the last refresh; looking back this far catches them, and
// recomputing a day twice changes nothing.
const OVERLAP_MS = 5 * 60_000

/**
 * The affiliate-days a refresh recomputes, as a FROM item with each day's
 * bounds as timestamps: each branch below joins it on (affiliate, time range),
 * so the (affiliate_id, <time>) indexes are range-scanned per affiliate-day.
 */
const TOUCHED_DAYS = `(
  SELECT affiliate_id, day,
         CAST(day AS timestamp) AT TIME ZONE 'UTC' AS starts_at,
         CAST(day + 1 AS timestamp) AT TIME ZONE 'UTC' AS ends_at
    FROM unnest(CAST(:affiliates AS text[]), CAST(:days AS date[])) AS p(affiliate_id, day)
)`

/**
 * The sales figures from the raw rows: leads by sign-up day; orders and
 * revenue by order day, split by attribution source; commission by the day
 * each ledger line was written, under its status; converted clicks (clicks
 * that led to at least one order) by the click's day and dimensions, on the
 * row without a currency where the click itself is counted, so that a row's
 * `converted_clicks` can never exceed its `clicks`. All days, or with `onlyTouched` the affiliate-days bound
 * as `:affiliates` and `:days` (pairwise).
 */
export function salesSelect(onlyTouched = false) {
  const within = (alias: string, timeColumn: string) =>
    onlyTouched
      ? `JOIN ${TOUCHED_DAYS} t ON t.affiliate_id = ${alias}.affiliate_id
           AND ${alias}.${timeColumn} >= t.starts_at AND ${alias}.${timeColumn} < t.ends_at`
      : ""
  return `
    SELECT day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code,
           SUM(leads)::int AS leads, SUM(orders)::int AS orders, SUM(converted_clicks)::int AS converted_clicks,
           SUM(orders_from_clicks)::int AS orders_from_clicks, SUM(orders_from_codes)::int AS orders_from_codes,
           SUM(orders_lifetime)::int AS orders_lifetime, SUM(revenue) AS revenue,
           SUM(commission_pending) AS commission_pending, SUM(commission_on_hold) AS commission_on_hold,
           SUM(commission_approved) AS commission_approved, SUM(commission_paid) AS commission_paid,
           SUM(commission_rejected) AS commission_rejected
      FROM (
        SELECT ${DAY("l.created_at")} AS day, l.affiliate_id,
               COALESCE(l.sales_channel_id, '') AS sales_channel_id, COALESCE(l.code_id, '') AS code_id,
               COALESCE(l.link_id, '') AS link_id, COALESCE(l.utm_campaign, '') AS utm_campaign, '' AS currency_code,
               1 AS leads, 0 AS orders, 0 AS converted_clicks, 0 AS orders_from_clicks, 0 AS orders_from_codes,
               0 AS orders_lifetime, 0 AS revenue, 0 AS commission_pending, 0 AS commission_on_hold,
               0 AS commission_approved, 0 AS commission_paid, 0 AS commission_rejected
          FROM affiliate_lead l ${within("l", "created_at")}
         WHERE l.deleted_at IS NULL
        UNION ALL
        SELECT ${DAY("a.ordered_at")}, a.affiliate_id,
               COALESCE(a.sales_channel_id, ''), COALESCE(a.code_id, ''), COALESCE(a.link_id, ''),
               COALESCE(a.utm_campaign, ''), COALESCE(a.currency_code, ''),
               0, 1, 0,
               CASE WHEN a.source = 'link' THEN 1 ELSE 0 END, CASE WHEN a.source = 'code' THEN 1 ELSE 0 END,
               CASE WHEN a.source = 'lifetime' THEN 1 ELSE 0 END,
               COALESCE(a.order_total, 0), 0, 0, 0, 0, 0
          FROM affiliate_attribution a ${within("a", "ordered_at")}
         WHERE a.ordered_at IS NOT NULL AND ${countsAsOrderSql("a")} AND a.deleted_at IS NULL
        UNION ALL
        -- A click converts once, however many orders came through it; its
        -- dimensions are the click's own while it is kept (a cart's sales
        -- channel may differ from the click's), else those copied from it.
        SELECT ${DAY("a.referred_at")}, a.affiliate_id,
               ${["sales_channel_id", "code_id", "link_id", "utm_campaign"]
                 .map((column) => `COALESCE(CASE WHEN k.id IS NULL THEN a.${column} ELSE k.${column} END, '')`)
                 .join(", ")}, '',
               0, 0, COUNT(DISTINCT a.click_id), 0, 0, 0, 0, 0, 0, 0, 0, 0
          FROM affiliate_attribution a ${within("a", "referred_at")}
          LEFT JOIN affiliate_click k ON k.id = a.click_id
         WHERE a.source = 'link' AND a.click_id IS NOT NULL AND a.ordered_at IS NOT NULL
           AND ${countsAsOrderSql("a")} AND a.deleted_at IS NULL
         GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL
        SELECT ${DAY("c.created_at")}, c.affiliate_id,
               COALESCE(a.sales_channel_id, ''), COALESCE(a.code_id, ''), COALESCE(a.link_id, ''),
               COALESCE(a.utm_campaign, ''), c.currency_code,
               0, 0, 0, 0, 0, 0, 0,
               CASE WHEN c.status = 'pending' THEN c.amount ELSE 0 END,
               CASE WHEN c.status = 'on_hold' THEN c.amount ELSE 0 END,
               CASE WHEN c.status = 'approved' THEN c.amount ELSE 0 END,
               CASE WHEN c.status = 'paid' THEN c.amount ELSE 0 END,
               CASE WHEN c.status = 'rejected' THEN c.amount ELSE 0 END
          FROM affiliate_commission_line c ${within("c", "created_at")}
          LEFT JOIN affiliate_attribution a ON a.id = c.attribution_id
         WHERE c.deleted_at IS NULL
      ) facts
     GROUP BY day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code`
}

export function upsertSales(select: string) {
  return `
    INSERT INTO affiliate_daily_stat AS s
      (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code, ${SALES_COLUMNS.join(", ")})
    ${select}
    ON CONFLICT (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code)
    DO UPDATE SET ${SALES_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(", ")}`
}

/**
 * Takes the read model's lock for the transaction, without queueing: when
 * another refresh holds it, waits (at most `REFRESH_WAIT_MS`, e.g. behind a
 * rebuild) for that one to commit, together with every other caller waiting
 * (a shared lock), and returns false: the caller then reads what that refresh
 * wrote, every click committed before it began. Report requests never wait
 * for each other's refreshes, only for the one running.
 */
async function lockForRefresh(trx: any): Promise<boolean> {
  const { rows: [lock] } = await trx.raw(`SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`)
  if (lock.locked) {
    return true
  }
  const { rows: [setting] } = await trx.raw(`SELECT current_setting('lock_timeout') AS value`)
  await trx.raw(`SAVEPOINT affiliate_refresh_wait`)
  try {
    await trx.raw(`SELECT set_config('lock_timeout', ?, true)`, [`${REFRESH_WAIT_MS}ms`])
    await trx.raw(`SELECT pg_advisory_xact_lock_shared(${LOCK})`)
    await trx.raw(`SELECT set_config('lock_timeout', ?, true)`, [setting.value])
    await trx.raw(`RELEASE SAVEPOINT affiliate_refresh_wait`)
  } catch (error: any) {
    if (error?.code !== "55P03") {
      throw error
    }
    await trx.raw(`ROLLBACK TO SAVEPOINT affiliate_refresh_wait`)
  }
  return false
}

/**
 * Brings the read model up to date: the clicks committed since the last
 * roll-up, and the sales figures of everything written since the last
 * refresh. Cheap when nothing changed (four index range scans). Concurrent
 * callers don't queue: one refreshes, the others wait for it and read
 * (see `lockForRefresh`).
 */
export async function refreshSalesStats(
  knex: any,
  { now = new Date(), overlap = false }: { now?: Date; overlap?: boolean } = {}
): Promise<number> {
  return await knex.transaction(async (trx: any) => {
    if (!(await lockForRefresh(trx))) {
      return 0
    }
    const states = await readState(trx)
    await rollUpClicks(trx, states)
    const state = states[STATE_KEY]
    // Only the scheduled refresh looks back for late commits; a report's own
    // refresh takes what changed since the last one, so a busy store doesn't
    // recompute the same days on every request.
    const since = state ? new Date(new Date(state.value).getTime() - (overlap ? OVERLAP_MS : 0)) : new Date(0)
    const { rows: touched } = await trx.raw(
      `SELECT DISTINCT affiliate_id, day FROM (
         SELECT affiliate_id, ${DAY("created_at")} AS day FROM affiliate_commission_line
          WHERE updated_at >= :since AND deleted_at IS NULL
         UNION SELECT affiliate_id, ${DAY("ordered_at")} FROM affiliate_attribution
          WHERE updated_at >= :since AND ordered_at IS NOT NULL AND deleted_at IS NULL
         -- The day of the click an order came through, whose converted clicks change.
         UNION SELECT affiliate_id, ${DAY("referred_at")} FROM affiliate_attribution
          WHERE updated_at >= :since AND ordered_at IS NOT NULL AND source = 'link' AND deleted_at IS NULL
         UNION SELECT affiliate_id, ${DAY("created_at")} FROM affiliate_lead
          WHERE updated_at >= :since AND deleted_at IS NULL
       ) t`,
      { since }
    )
    if (touched.length) {
      // Pairwise arrays: (affiliates[i], days[i]) is one touched affiliate-day.
      const bindings = {
        affiliates: touched.map((row: any) => row.affiliate_id),
        days: touched.map((row: any) => toDay(row.day)),
      }
      await trx.raw(
        `UPDATE affiliate_daily_stat SET ${ZERO_SALES}
          WHERE (affiliate_id, day) IN (SELECT affiliate_id, day FROM ${TOUCHED_DAYS} t)`,
        bindings
      )
      await trx.raw(upsertSales(salesSelect(true)), bindings)
      // Then every roll-up over those affiliate-days, their days and their months.
      await refreshRollups(trx, bindings)
      await recomputeBalances(trx, [...new Set<string>(bindings.affiliates)])
    }
    await writeState(trx, STATE_KEY, now)
    return touched.length
  })
}
