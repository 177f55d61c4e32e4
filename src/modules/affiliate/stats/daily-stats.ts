// Over 400 lines: the one writer of the report read model (refresh, click roll-up, rebuild,
// purge) shares one advisory lock and one bookkeeping row; splitting it would spread that lock
// discipline over files. To be split with the report work of issue 11.
import { recomputeBalances } from "../ledger/balances"
import { countsAsOrderSql } from "../ledger/accrual"

/**
 * The report read model, `affiliate_daily_stat` (migration 20261123215720):
 * one row per UTC day and dimension tuple (affiliate, sales channel, code,
 * link, UTM campaign, currency). This file is its one writer: every write
 * runs under one transaction-level advisory lock. Clicks are append-only
 * (`tracking/record-click.ts` inserts into `affiliate_click` and nothing
 * else); `rollUpClicks` adds the clicks committed since its last snapshot to
 * the click counters. Sales figures (leads, orders, revenue,
 * commission by status) are recomputed here from the ledger for every
 * affiliate-day something changed in, found by `updated_at`, so every path
 * that writes a line or an attribution is covered without hooking each one.
 * The same refresh recomputes the balance read model (`affiliate_balance`)
 * of the affiliates it found, for the admin's list of balances.
 */

const STATE_KEY = "sales_refreshed_at"
const PURGE_KEY = "clicks_purged_before"
const CLICKS_KEY = "clicks_rolled_up"
/** The read model's lock: refresh, rebuild and purge hold it for their whole transaction. */
const LOCK = `hashtext('affiliate_daily_stat')`
/** How long a caller waits for a running refresh to commit before it reads anyway. */
const REFRESH_WAIT_MS = 2_000
/** A snapshot that has seen no transaction: the first roll-up takes every click. */
const NO_SNAPSHOT = "1:1:"
// (The `deleted_at IS NULL` conditions below match the partial `updated_at`
// indexes; a soft-deleted row's day is recomputed by the next rebuild.)
// Rows written by a transaction that committed late can carry an `updated_at`
// older than the last refresh; looking back this far catches them, and
// recomputing a day twice changes nothing.
const OVERLAP_MS = 5 * 60_000

const SALES_COLUMNS = [
  "leads",
  "orders",
  "converted_clicks",
  "orders_from_clicks",
  "orders_from_codes",
  "orders_lifetime",
  "revenue",
  "commission_pending",
  "commission_on_hold",
  "commission_approved",
  "commission_paid",
  "commission_rejected",
]

const DAY = (column: string) => `CAST(${column} AT TIME ZONE 'UTC' AS date)`

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
function salesSelect(onlyTouched = false) {
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

function upsertSales(select: string) {
  return `
    INSERT INTO affiliate_daily_stat AS s
      (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code, ${SALES_COLUMNS.join(", ")})
    ${select}
    ON CONFLICT (day, affiliate_id, sales_channel_id, code_id, link_id, utm_campaign, currency_code)
    DO UPDATE SET ${SALES_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(", ")}`
}

const ZERO_SALES = SALES_COLUMNS.map((column) => `${column} = 0`).join(", ")
const CLICK_COLUMNS = ["clicks", "unique_visitors"]

/**
 * The roll-ups of `affiliate_daily_stat` the program-wide reports read:
 * fewer dimensions, so far fewer rows to sum. Clicks add themselves to them
 * as they do to the full table; everything else is summed from it.
 */
const ROLLUPS = [
  { table: "affiliate_daily_total", keys: ["day", "affiliate_id", "currency_code"] },
  { table: "affiliate_program_daily", keys: ["day", "sales_channel_id", "utm_campaign", "currency_code"] },
]

/** Sums `columns` of the full table into a roll-up's rows for the days `where` selects. */
function rollUp(rollup: (typeof ROLLUPS)[number], columns: string[], where: string) {
  const keys = rollup.keys.join(", ")
  return `
    INSERT INTO ${rollup.table} AS r (${keys}, ${columns.join(", ")})
    SELECT ${keys}, ${columns.map((column) => `SUM(${column})`).join(", ")}
      FROM affiliate_daily_stat
     WHERE ${where}
     GROUP BY ${keys}
    ON CONFLICT (${keys}) DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(", ")}`
}

/** The refresh's bookkeeping: each key's time, and the click roll-up's snapshot (as text). */
type StatState = Record<string, { value: Date; snapshot: string | null; xmin: string | null } | undefined>

/** Both bookkeeping rows a refresh needs, in one round trip. */
async function readState(trx: any): Promise<StatState> {
  const { rows } = await trx.raw(
    `SELECT key, value, CAST(snapshot AS text) AS snapshot, CAST(pg_snapshot_xmin(snapshot) AS text) AS xmin
       FROM affiliate_stat_state WHERE key IN (?, ?)`,
    [STATE_KEY, CLICKS_KEY]
  )
  return Object.fromEntries(rows.map((row: any) => [row.key, row]))
}

/** Midnight UTC at the start and end of a `date` column, as timestamps. */
const DAY_STARTS = (day: string) => `CAST(${day} AS timestamp) AT TIME ZONE 'UTC'`
const DAY_ENDS = (day: string) => `CAST(${day} + 1 AS timestamp) AT TIME ZONE 'UTC'`

/**
 * Adds the clicks committed since the last roll-up to the click counters of
 * the full table and its two roll-ups, in one statement, so the clicks it
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
  const add = (alias: string) =>
    `clicks = ${alias}.clicks + EXCLUDED.clicks, unique_visitors = ${alias}.unique_visitors + EXCLUDED.unique_visitors`
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
       ON CONFLICT (${dimensions}, currency_code) DO UPDATE SET ${add("s")}
     ), per_affiliate AS (
       INSERT INTO affiliate_daily_total AS t (day, affiliate_id, currency_code, clicks, unique_visitors)
       SELECT day, affiliate_id, '', SUM(clicks), SUM(unique_visitors) FROM counted GROUP BY day, affiliate_id
       ON CONFLICT (day, affiliate_id, currency_code) DO UPDATE SET ${add("t")}
     ), program AS (
       INSERT INTO affiliate_program_daily AS p (day, sales_channel_id, utm_campaign, currency_code, clicks, unique_visitors)
       SELECT day, sales_channel_id, utm_campaign, '', SUM(clicks), SUM(unique_visitors)
         FROM counted GROUP BY day, sales_channel_id, utm_campaign
       ON CONFLICT (day, sales_channel_id, utm_campaign, currency_code) DO UPDATE SET ${add("p")}
     ), state AS (
       INSERT INTO affiliate_stat_state (key, value, snapshot) VALUES (:key, now(), pg_current_snapshot())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, snapshot = EXCLUDED.snapshot
     )
     SELECT COALESCE(SUM(clicks), 0)::int AS clicks FROM counted`,
    { key: CLICKS_KEY, ...bounds }
  )
  return rows[0]?.clicks ?? 0
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
      const isTouched = (table: string) =>
        `(${table}.affiliate_id, ${table}.day) IN (SELECT affiliate_id, day FROM ${TOUCHED_DAYS} t)`
      await trx.raw(`UPDATE affiliate_daily_stat SET ${ZERO_SALES} WHERE ${isTouched("affiliate_daily_stat")}`, bindings)
      await trx.raw(upsertSales(salesSelect(true)), bindings)
      // The per-affiliate roll-up for the same affiliate-days; the program
      // roll-up for their whole days, since it sums every affiliate's. Both
      // select by a typed list so the (day, ...) primary keys are used.
      const [perAffiliate, program] = ROLLUPS
      await trx.raw(`UPDATE ${perAffiliate.table} SET ${ZERO_SALES} WHERE ${isTouched(perAffiliate.table)}`, bindings)
      await trx.raw(rollUp(perAffiliate, SALES_COLUMNS, isTouched("affiliate_daily_stat")), bindings)
      const days = { days: [...new Set(bindings.days)] }
      const inDays = `day = ANY(CAST(:days AS date[]))`
      await trx.raw(`UPDATE ${program.table} SET ${ZERO_SALES} WHERE ${inDays}`, days)
      await trx.raw(rollUp(program, SALES_COLUMNS, inDays), days)
      await recomputeBalances(trx, [...new Set<string>(bindings.affiliates)])
    }
    await trx.raw(
      `INSERT INTO affiliate_stat_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [STATE_KEY, now]
    )
    return touched.length
  })
}

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
    for (const rollup of ROLLUPS) {
      await trx.raw(`DELETE FROM ${rollup.table}`)
      await trx.raw(rollUp(rollup, [...CLICK_COLUMNS, ...SALES_COLUMNS], "true"))
    }
    await recomputeBalances(trx, null)
    await trx.raw(
      `INSERT INTO affiliate_stat_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [STATE_KEY, now]
    )
    return { purged_before: purge ? new Date(purge.value) : null }
  })
}

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

/** A `date` column as node-postgres returns it (local midnight), as YYYY-MM-DD. */
function toDay(value: Date | string): string {
  return value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, "0")}-${String(value.getDate()).padStart(2, "0")}`
    : String(value).slice(0, 10)
}
