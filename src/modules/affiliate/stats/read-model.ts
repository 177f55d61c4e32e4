/**
 * The report read model's shared definitions: its tables, its lock and its
 * bookkeeping. Its writers are split by job (`click-rollup.ts`,
 * `sales-refresh.ts`, `rebuild.ts`, `purge.ts`, with the roll-ups in
 * `rollups.ts`); every one of them writes under `LOCK`.
 *
 * `affiliate_daily_stat` (migration 20261123215720) holds one row per UTC day
 * and dimension tuple (affiliate, sales channel, code, link, UTM campaign,
 * currency). The roll-ups (`rollups.ts`) sum it over fewer dimensions, or
 * over calendar months, so that reports over long ranges read few rows.
 */

export const STATE_KEY = "sales_refreshed_at"
export const PURGE_KEY = "clicks_purged_before"
export const CLICKS_KEY = "clicks_rolled_up"
/** The read model's lock: refresh, rebuild and purge hold it for their whole transaction. */
export const LOCK = `hashtext('affiliate_daily_stat')`
/** A snapshot that has seen no transaction: the first roll-up takes every click. */
export const NO_SNAPSHOT = "1:1:"

export const SALES_COLUMNS = [
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
export const CLICK_COLUMNS = ["clicks", "unique_visitors"]
export const MEASURE_COLUMNS = [...CLICK_COLUMNS, ...SALES_COLUMNS]
export const ZERO_SALES = SALES_COLUMNS.map((column) => `${column} = 0`).join(", ")

/** A timestamp column's UTC day. */
export const DAY = (column: string) => `CAST(${column} AT TIME ZONE 'UTC' AS date)`
/** Midnight UTC at the start and end of a `date` column, as timestamps. */
export const DAY_STARTS = (day: string) => `CAST(${day} AS timestamp) AT TIME ZONE 'UTC'`
export const DAY_ENDS = (day: string) => `CAST(${day} + 1 AS timestamp) AT TIME ZONE 'UTC'`
/** The first day of a `date` column's month. */
export const MONTH = (day: string) => `CAST(date_trunc('month', ${day}) AS date)`

/** The refresh's bookkeeping: each key's time, and the click roll-up's snapshot (as text). */
export type StatState = Record<string, { value: Date; snapshot: string | null; xmin: string | null } | undefined>

/** Both bookkeeping rows a refresh needs, in one round trip. */
export async function readState(trx: any): Promise<StatState> {
  const { rows } = await trx.raw(
    `SELECT key, value, CAST(snapshot AS text) AS snapshot, CAST(pg_snapshot_xmin(snapshot) AS text) AS xmin
       FROM affiliate_stat_state WHERE key IN (?, ?)`,
    [STATE_KEY, CLICKS_KEY]
  )
  return Object.fromEntries(rows.map((row: any) => [row.key, row]))
}

/** Sets a bookkeeping time. */
export async function writeState(trx: any, key: string, value: Date) {
  await trx.raw(
    `INSERT INTO affiliate_stat_state (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [key, value]
  )
}

/** A `date` column as node-postgres returns it (local midnight), as YYYY-MM-DD. */
export function toDay(value: Date | string): string {
  return value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, "0")}-${String(value.getDate()).padStart(2, "0")}`
    : String(value).slice(0, 10)
}

/** The first day of a YYYY-MM-DD day's month. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`
}
