export const REPORT_GROUPS = ["day", "affiliate", "sales_channel", "code", "link", "utm_campaign"] as const
export type ReportGroup = (typeof REPORT_GROUPS)[number]

const GROUP_COLUMN: Record<ReportGroup, string> = {
  day: "day",
  affiliate: "affiliate_id",
  sales_channel: "sales_channel_id",
  code: "code_id",
  link: "link_id",
  utm_campaign: "utm_campaign",
}

export type ReportFilters = {
  /** First and last UTC day, inclusive (YYYY-MM-DD). */
  from: string
  to: string
  affiliate_id?: string
  currency_code?: string
  /** Only the internal channels (true) or only the external partners (false) (B4). */
  is_internal?: boolean
  /**
   * Only the `limit` keys with the most of `order_by`, picked in SQL: top
   * affiliates among thousands. Money needs `currency_code`.
   */
  top?: { order_by: "clicks" | "leads" | "orders" | "revenue" | "commission"; limit: number }
}

export type MoneyFigures = {
  revenue: number
  commission: {
    pending: number
    on_hold: number
    approved: number
    paid: number
    rejected: number
    /** What the program owes or paid: everything but rejected lines. */
    total: number
  }
  /** Commission total ÷ revenue, e.g. 0.1 for 10%; null without revenue. */
  cost_of_sale: number | null
}

export type ReportRow = {
  /** The group's value: a day, an affiliate id, a code id, ...; "" for none. */
  key: string
  clicks: number
  unique_visitors: number
  leads: number
  /** Every attributed order, whatever brought it. */
  orders: number
  /** Orders through a tracked click (attribution source `link`), by order day. */
  orders_from_clicks: number
  /** Orders from a typed code (source `code`): no click, so no part of the conversion rate. */
  orders_from_codes: number
  /** Orders of customers bound to the partner for life (source `lifetime`). */
  orders_lifetime: number
  /** Clicks that led to at least one order, counted on the click's day: never more than `clicks`. */
  converted_clicks: number
  /**
   * Converted clicks ÷ clicks, e.g. 0.5 for 50 %; null without clicks. It
   * can't pass 1: each click converts at most once, on its own day and row.
   * (It used to be all orders ÷ clicks, which code orders pushed past 100 %.)
   */
  conversion_rate: number | null
  /** Money per currency code: amounts in different currencies are never added. */
  by_currency: Record<string, MoneyFigures>
}

/**
 * A family of read-model tables with the same dimensions: the daily table
 * and, where there is one, its monthly twin (whose `day` is the month's
 * first day). See `rollups.ts`.
 */
type Family = { daily: string; monthly: string | null; dims: string[] }

const FULL: Family = {
  daily: "affiliate_daily_stat",
  monthly: "affiliate_monthly_stat",
  dims: ["affiliate_id", "sales_channel_id", "code_id", "link_id", "utm_campaign"],
}
const PER_AFFILIATE: Family = { daily: "affiliate_daily_total", monthly: "affiliate_monthly_total", dims: ["affiliate_id"] }
const PROGRAM: Family = {
  daily: "affiliate_program_daily",
  monthly: "affiliate_program_monthly",
  dims: ["sales_channel_id", "utm_campaign"],
}
// The funnel and totals need no dimension: the per-day roll-up, and the
// program's monthly one for whole months.
const FUNNEL: Family = { daily: "affiliate_funnel_daily", monthly: "affiliate_program_monthly", dims: [] }
/** The full daily table only: what every roll-up is summed from (for checks). */
const DAYS_ONLY: Family = { daily: "affiliate_daily_stat", monthly: null, dims: FULL.dims }

const MEASURES = [
  "clicks",
  "unique_visitors",
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

/** The internal channels (B4): affiliates flagged `is_internal`. */
const INTERNAL = `SELECT id FROM affiliate WHERE is_internal = true`

export type QueryOptions = {
  /** Read only the full daily table, never a roll-up (to check the roll-ups against). */
  daysOnly?: boolean
  /**
   * Read the daily roll-ups only, as reports did before the monthly ones
   * (issue 11): `bench:reports` times both plans in the same run.
   */
  dailyRollupsOnly?: boolean
}

/**
 * The smallest tables that answer a report. One affiliate's figures, or
 * the internal channels', come from the per-affiliate tables (by their
 * (affiliate, day) indexes); program-wide ones from the program roll-ups;
 * top affiliates from the per-affiliate roll-up. Codes and links belong to
 * one affiliate, so they are reported per affiliate.
 */
function familyOf(group: ReportGroup | "total", byAffiliate: boolean): Family {
  const undimensioned = group === "day" || group === "total" || group === "affiliate"
  if (byAffiliate) return undimensioned ? PER_AFFILIATE : FULL
  if (group === "day" || group === "total") return FUNNEL
  if (group === "utm_campaign" || group === "sales_channel") return PROGRAM
  return group === "affiliate" ? PER_AFFILIATE : FULL
}

/** YYYY-MM-DD `n` days after `day`. */
function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** The first day of the month `n` months after `day`'s. */
function addMonths(day: string, n: number) {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + n)
  return date.toISOString().slice(0, 10)
}

/**
 * Splits a range into the whole calendar months inside it (read from a
 * monthly table) and the days before and after them (from the daily one);
 * null when it holds no whole month.
 */
export function splitRange(from: string, to: string) {
  const monthFrom = from.endsWith("-01") ? from : addMonths(from, 1)
  const monthTo = addDays(addMonths(to, 1), -1) === to ? addMonths(to, 0) : addMonths(to, -1)
  if (monthFrom > monthTo) return null
  return { month_from: monthFrom, month_to: monthTo, head_to: addDays(monthFrom, -1), tail_from: addMonths(monthTo, 1) }
}

/**
 * The rows of a family over the range, as one FROM item: the daily table for
 * the days and the monthly one for whole months (unless the group is by
 * day), each branch filtered by `where` (on `affiliate_id`), measures times
 * `sign`.
 */
function familyRows(family: Family, group: ReportGroup | "total", where: string[], sign: 1 | -1, useMonths: boolean) {
  const columns = [
    "day",
    "currency_code",
    ...(group in GROUP_COLUMN && group !== "day" ? [GROUP_COLUMN[group as ReportGroup]] : []),
    ...MEASURES.map((measure) => (sign === 1 ? measure : `-${measure} AS ${measure}`)),
  ].join(", ")
  const branch = (table: string, days: string) =>
    `SELECT ${columns} FROM ${table} WHERE ${[days, ...where].join(" AND ")}`
  if (useMonths && family.monthly && group !== "day") {
    // The days before and after the whole months as two branches, not one
    // OR: each is then one range of the (…, day) indexes.
    return [
      branch(family.daily, "day BETWEEN :from AND :head_to"),
      branch(family.monthly, "day BETWEEN :month_from AND :month_to"),
      branch(family.daily, "day BETWEEN :tail_from AND :to"),
    ]
  }
  return [branch(family.daily, "day BETWEEN :from AND :to")]
}

/**
 * Report rows from the read model: one per value of `group`, over a range of
 * days, optionally for one affiliate, one currency, and the internal channels
 * or the external partners only (B4). Whole months come from the monthly
 * roll-ups, so a year reads about as many rows as a month; the external
 * partners' program-wide figures are the program's minus the internal
 * channels' (few affiliates), in exact SQL sums.
 */
export async function queryReport(
  knex: any,
  group: ReportGroup | "total",
  filters: ReportFilters,
  options: QueryOptions = {}
): Promise<ReportRow[]> {
  // No parallel workers: a report reads at most a few thousand rows through
  // indexes, and PostgreSQL still plans a Parallel Append over the branches
  // once the tables are large. Starting the workers costs more than the
  // scan: one partner's figures by code over a year took 88 ms with two
  // workers for 7 ms of work on a busy 2-core machine (bench:reports).
  // SET LOCAL ends with this transaction (or the caller's, when inside one).
  return await knex.transaction(async (trx: any) => {
    await trx.raw("SET LOCAL max_parallel_workers_per_gather = 0")
    return await reportInTransaction(trx, group, filters, options)
  })
}

async function reportInTransaction(
  knex: any,
  group: ReportGroup | "total",
  filters: ReportFilters,
  { daysOnly = false, dailyRollupsOnly = false }: QueryOptions
): Promise<ReportRow[]> {
  const key = group === "total" ? "CAST('' AS text)" : group === "day" ? `to_char(day, 'YYYY-MM-DD')` : GROUP_COLUMN[group]
  const split = daysOnly || dailyRollupsOnly ? null : splitRange(filters.from, filters.to)
  const affiliateWhere = filters.affiliate_id ? ["affiliate_id = :affiliate_id"] : []
  const internal = filters.is_internal
  // Program-wide external figures: everything minus the internal channels.
  const subtract = internal === false && !filters.affiliate_id && !["affiliate", "code", "link"].includes(group)
  let branches: string[]
  if (dailyRollupsOnly && internal === undefined) {
    const family = filters.affiliate_id ? FULL : group === "day" || group === "total" ? PROGRAM : familyOf(group, false)
    branches = familyRows(family, group, affiliateWhere, 1, false)
  } else if (daysOnly) {
    const where = [...affiliateWhere]
    if (internal !== undefined) where.push(`affiliate_id ${internal ? "IN" : "NOT IN"} (${INTERNAL})`)
    branches = familyRows(DAYS_ONLY, group, where, 1, false)
  } else if (subtract) {
    branches = [
      ...familyRows(familyOf(group, false), group, [], 1, !!split),
      ...familyRows(familyOf(group, true), group, [`affiliate_id IN (${INTERNAL})`], -1, !!split),
    ]
  } else {
    const where = [...affiliateWhere]
    if (internal !== undefined) where.push(`affiliate_id ${internal ? "IN" : "NOT IN"} (${INTERNAL})`)
    branches = familyRows(familyOf(group, internal !== undefined || !!filters.affiliate_id), group, where, 1, !!split)
  }
  const source = `(${branches.join("\n       UNION ALL ")}) src`
  const where: string[] = []
  if (filters.currency_code) where.push("currency_code IN ('', :currency_code)")
  const bindings = {
    from: filters.from,
    to: filters.to,
    ...(split ?? {}),
    affiliate_id: filters.affiliate_id ?? null,
    currency_code: filters.currency_code?.toLowerCase() ?? null,
    limit: filters.top?.limit ?? null,
  }
  const top = topMetric(filters)
  if (top && group !== "total") {
    // The top keys first, in a query of their own: the figures are then read
    // for those keys only, through the (affiliate, day) indexes, instead of
    // every row of the range being joined against them (5× faster over a
    // year of 10,000 partners in bench:reports).
    const { rows: ranked } = await knex.raw(
      `SELECT ${key} AS key FROM ${source} WHERE ${[...where, top.rows].join(" AND ")}
        GROUP BY ${key} ORDER BY COALESCE(${top.sum}, 0) DESC, ${key} LIMIT :limit`,
      bindings
    )
    if (!ranked.length) {
      return []
    }
    where.push(`${key} = ANY(:top_keys)`)
    Object.assign(bindings, { top_keys: ranked.map((row: { key: string }) => row.key) })
  }
  const { rows } = await knex.raw(
    `SELECT ${key} AS key, currency_code,
            SUM(clicks)::int AS clicks, SUM(unique_visitors)::int AS unique_visitors,
            SUM(leads)::int AS leads, SUM(orders)::int AS orders, SUM(converted_clicks)::int AS converted_clicks,
            SUM(orders_from_clicks)::int AS orders_from_clicks, SUM(orders_from_codes)::int AS orders_from_codes,
            SUM(orders_lifetime)::int AS orders_lifetime, SUM(revenue)::text AS revenue,
            SUM(commission_pending)::text AS pending, SUM(commission_on_hold)::text AS on_hold,
            SUM(commission_approved)::text AS approved, SUM(commission_paid)::text AS paid,
            SUM(commission_rejected)::text AS rejected,
            SUM(commission_pending + commission_on_hold + commission_approved + commission_paid)::text AS total
       FROM ${source}
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      GROUP BY ${key}, currency_code
      ORDER BY ${key}`,
    bindings
  )
  const byKey = new Map<string, ReportRow>()
  for (const row of rows) {
    // The external figures of a key or currency only the internal channels have are all zero: left out.
    if (subtract && COUNTS.every((count) => !row[count]) && MONEY.every((field) => Number(row[field]) === 0)) {
      continue
    }
    const report = byKey.get(row.key) ?? byKey.set(row.key, emptyRow(row.key)).get(row.key)!
    for (const count of COUNTS) {
      report[count] += row[count]
    }
    if (row.currency_code) {
      report.by_currency[row.currency_code] = moneyFigures(row)
    }
  }
  return [...byKey.values()].map((report) => ({
    ...report,
    conversion_rate: report.clicks ? round(report.converted_clicks / report.clicks, 4) : null,
  }))
}

const MONEY = ["revenue", "pending", "on_hold", "approved", "paid", "rejected"]

/** Totals over the range: the same figures as a report row. */
export async function queryTotals(
  knex: any,
  filters: ReportFilters,
  options: QueryOptions = {}
): Promise<Omit<ReportRow, "key">> {
  const [totals] = await queryReport(knex, "total", filters, options)
  const { key: _key, ...figures } = totals ?? emptyRow("")
  return figures
}

/** The counts of a report row, summed over its currency rows. */
const COUNTS = [
  "clicks",
  "unique_visitors",
  "leads",
  "orders",
  "orders_from_clicks",
  "orders_from_codes",
  "orders_lifetime",
  "converted_clicks",
] as const

function emptyRow(key: string): ReportRow {
  const counts = Object.fromEntries(COUNTS.map((count) => [count, 0])) as Record<(typeof COUNTS)[number], number>
  return { key, ...counts, conversion_rate: null, by_currency: {} }
}

/**
 * The SQL sum a top list ranks by and the rows that carry it (clicks and
 * leads are on the rows without a currency, orders and money on the
 * currency's), or null when it can't rank in SQL (money without a currency).
 */
function topMetric({ top, currency_code }: ReportFilters): { sum: string; rows: string } | null {
  if (!top) return null
  const inCurrency = currency_code ? "currency_code = :currency_code" : "currency_code <> ''"
  switch (top.order_by) {
    case "clicks":
    case "leads":
      return { sum: `SUM(${top.order_by})`, rows: "currency_code = ''" }
    case "orders":
      return { sum: "SUM(orders)", rows: inCurrency }
    case "revenue":
      return currency_code ? { sum: "SUM(revenue)", rows: inCurrency } : null
    case "commission":
      return currency_code
        ? {
            sum: "SUM(commission_pending + commission_on_hold + commission_approved + commission_paid)",
            rows: inCurrency,
          }
        : null
  }
}

// Sums are exact in SQL (numeric); they become numbers only for the answer.
function moneyFigures(row: Record<string, string>): MoneyFigures {
  const commission = {
    pending: Number(row.pending),
    on_hold: Number(row.on_hold),
    approved: Number(row.approved),
    paid: Number(row.paid),
    rejected: Number(row.rejected),
    total: Number(row.total),
  }
  const revenue = Number(row.revenue)
  return {
    revenue,
    commission,
    cost_of_sale: revenue ? round(commission.total / revenue, 4) : null,
  }
}

function round(value: number, places: number) {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}
