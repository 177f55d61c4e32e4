import { CLICK_COLUMNS, MEASURE_COLUMNS, MONTH, SALES_COLUMNS, ZERO_SALES } from "./read-model"

/**
 * The roll-ups of `affiliate_daily_stat`: the same measures over fewer
 * dimensions (per affiliate; per sales channel and campaign; per day) or over
 * calendar months (a monthly table's `day` is the first day of its month), so
 * that a report reads the smallest table that answers it (`reports.ts`): a
 * year is 12 monthly rows where it was 365 daily ones.
 *
 * Each is summed from its `source`, which comes before it in this list, so
 * refreshing them in order keeps every one equal to the sum of the daily rows
 * it covers. Clicks add themselves to all of them at once (`click-rollup.ts`);
 * sales figures are recomputed for what a refresh touched (`refreshRollups`).
 */
export type Rollup = {
  table: string
  /** Its key columns, `day` first (a month's first day for monthly tables). */
  keys: string[]
  source: string
  monthly: boolean
  /** What one touched affiliate-day makes stale: its affiliate-day, its whole day, its affiliate-month or its month. */
  scope: "affiliate-day" | "day" | "affiliate-month" | "month"
}

const FULL_KEYS = ["day", "affiliate_id", "sales_channel_id", "code_id", "link_id", "utm_campaign", "currency_code"]
const AFFILIATE_KEYS = ["day", "affiliate_id", "currency_code"]
const PROGRAM_KEYS = ["day", "sales_channel_id", "utm_campaign", "currency_code"]

export const ROLLUPS: Rollup[] = [
  { table: "affiliate_daily_total", keys: AFFILIATE_KEYS, source: "affiliate_daily_stat", monthly: false, scope: "affiliate-day" },
  { table: "affiliate_program_daily", keys: PROGRAM_KEYS, source: "affiliate_daily_stat", monthly: false, scope: "day" },
  { table: "affiliate_funnel_daily", keys: ["day", "currency_code"], source: "affiliate_program_daily", monthly: false, scope: "day" },
  { table: "affiliate_monthly_stat", keys: FULL_KEYS, source: "affiliate_daily_stat", monthly: true, scope: "affiliate-month" },
  { table: "affiliate_monthly_total", keys: AFFILIATE_KEYS, source: "affiliate_daily_total", monthly: true, scope: "affiliate-month" },
  { table: "affiliate_program_monthly", keys: PROGRAM_KEYS, source: "affiliate_program_daily", monthly: true, scope: "month" },
]

/** Every table of the read model, the full one first. */
export const READ_MODEL_TABLES = ["affiliate_daily_stat", ...ROLLUPS.map((rollup) => rollup.table)]

/** The touched affiliate-days, bound pairwise as `:affiliates` and `:days`. */
const PAIRS = `unnest(CAST(:affiliates AS text[]), CAST(:days AS date[])) AS p(affiliate_id, day)`

/** What a refresh recomputes in a roll-up, as a relation of its keys (`affiliate_id`, `day`). */
function scopeRelation(scope: Rollup["scope"]): string {
  switch (scope) {
    case "affiliate-day":
      return `SELECT DISTINCT affiliate_id, day FROM ${PAIRS}`
    case "day":
      return `SELECT DISTINCT day FROM ${PAIRS}`
    case "affiliate-month":
      return `SELECT DISTINCT affiliate_id, ${MONTH("day")} AS day FROM ${PAIRS}`
    case "month":
      return `SELECT DISTINCT ${MONTH("day")} AS day FROM ${PAIRS}`
  }
}

/** The source rows under a scope: a join on the affiliate (if any) and the day or month's days. */
function scopeJoin(rollup: Rollup): string {
  const affiliate = rollup.scope.startsWith("affiliate") ? "s.affiliate_id = t.affiliate_id AND " : ""
  const days = rollup.monthly ? `s.day >= t.day AND s.day < CAST(t.day + interval '1 month' AS date)` : "s.day = t.day"
  return `JOIN (${scopeRelation(rollup.scope)}) t ON ${affiliate}${days}`
}

/**
 * Sums `columns` of the roll-up's source into its rows (all of them, or
 * those of the touched scope), replacing what they held.
 */
function sumInto(rollup: Rollup, columns: string[], scoped: boolean): string {
  const keys = rollup.keys.join(", ")
  const selected = rollup.keys.map((key) => (key === "day" && rollup.monthly ? `${MONTH("s.day")} AS day` : `s.${key}`))
  return `
    INSERT INTO ${rollup.table} AS r (${keys}, ${columns.join(", ")})
    SELECT ${selected.join(", ")}, ${columns.map((column) => `SUM(s.${column})`).join(", ")}
      FROM ${rollup.source} s ${scoped ? scopeJoin(rollup) : ""}
     GROUP BY ${selected.map((_, i) => i + 1).join(", ")}
    ON CONFLICT (${keys}) DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(", ")}`
}

/**
 * Recomputes the sales figures of every roll-up for the touched
 * affiliate-days (bound as `:affiliates` and `:days`), in source order: each
 * scope's rows are zeroed, then summed again from the refreshed source. A
 * late event (an order, refund or approval on an old day) lands here like a
 * new one, so its month is recomputed too.
 */
export async function refreshRollups(trx: any, bindings: { affiliates: string[]; days: string[] }) {
  for (const rollup of ROLLUPS) {
    const keys = rollup.scope.startsWith("affiliate") ? "(affiliate_id, day)" : "day"
    await trx.raw(`UPDATE ${rollup.table} SET ${ZERO_SALES} WHERE ${keys} IN (${scopeRelation(rollup.scope)})`, bindings)
    await trx.raw(sumInto(rollup, SALES_COLUMNS, true), bindings)
  }
}

/** Sums every roll-up again from the (rebuilt) full table. */
export async function rebuildRollups(trx: any) {
  for (const rollup of ROLLUPS) {
    await trx.raw(`DELETE FROM ${rollup.table}`)
    await trx.raw(sumInto(rollup, MEASURE_COLUMNS, false))
  }
}

/**
 * The common table expressions that add new clicks to every roll-up, from a
 * relation `counted` of (day, affiliate_id, sales_channel_id, code_id,
 * link_id, utm_campaign, clicks, unique_visitors), for the click roll-up's
 * one statement.
 */
export function clickRollupCtes(counted: string): string {
  return ROLLUPS.map((rollup, i) => {
    const keys = rollup.keys.join(", ")
    const selected = rollup.keys.map((key) =>
      key === "day" && rollup.monthly ? MONTH("day") : key === "currency_code" ? "''" : key
    )
    const add = CLICK_COLUMNS.map((column) => `${column} = r.${column} + EXCLUDED.${column}`).join(", ")
    return `rollup_${i} AS (
       INSERT INTO ${rollup.table} AS r (${keys}, ${CLICK_COLUMNS.join(", ")})
       SELECT ${selected.join(", ")}, ${CLICK_COLUMNS.map((column) => `SUM(${column})`).join(", ")}
         FROM ${counted} GROUP BY ${selected.map((_, j) => j + 1).join(", ")}
       ON CONFLICT (${keys}) DO UPDATE SET ${add}
     )`
  }).join(",\n     ")
}
