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

/** Groups the program-wide roll-up (`affiliate_program_daily`) can answer. */
const PROGRAM_GROUPS = new Set<string>(["day", "utm_campaign", "sales_channel", "total"])

/**
 * The smallest table that answers a report: one affiliate's rows of the full
 * table (by its (affiliate, day) index), the program roll-up, or the
 * per-affiliate roll-up for top affiliates. Codes and links belong to one
 * affiliate, so they are reported per affiliate.
 */
function sourceTable(group: ReportGroup | "total", filters: ReportFilters): string {
  if (filters.affiliate_id) return "affiliate_daily_stat"
  if (PROGRAM_GROUPS.has(group)) return "affiliate_program_daily"
  if (group === "affiliate") return "affiliate_daily_total"
  return "affiliate_daily_stat"
}

/**
 * Report rows from the daily read model: one per value of `group`, over a
 * range of days, optionally for one affiliate and currency.
 */
export async function queryReport(
  knex: any,
  group: ReportGroup | "total",
  filters: ReportFilters
): Promise<ReportRow[]> {
  const key = group === "total" ? "CAST('' AS text)" : group === "day" ? `to_char(day, 'YYYY-MM-DD')` : GROUP_COLUMN[group]
  const table = sourceTable(group, filters)
  const where = ["day BETWEEN :from AND :to"]
  if (filters.affiliate_id) where.push("affiliate_id = :affiliate_id")
  if (filters.currency_code) where.push("currency_code IN ('', :currency_code)")
  const top = topMetric(filters)
  if (top && group !== "total") {
    where.push(`${key} IN (
      SELECT ${key} FROM ${table} WHERE ${[...where, top.rows].join(" AND ")}
       GROUP BY ${key} ORDER BY COALESCE(${top.sum}, 0) DESC, ${key} LIMIT :limit)`)
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
       FROM ${table}
      WHERE ${where.join(" AND ")}
      GROUP BY ${key}, currency_code
      ORDER BY ${key}`,
    {
      from: filters.from,
      to: filters.to,
      affiliate_id: filters.affiliate_id ?? null,
      currency_code: filters.currency_code?.toLowerCase() ?? null,
      limit: filters.top?.limit ?? null,
    }
  )
  const byKey = new Map<string, ReportRow>()
  for (const row of rows) {
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

/** Totals over the range: the same figures as a report row. */
export async function queryTotals(knex: any, filters: ReportFilters): Promise<Omit<ReportRow, "key">> {
  const [totals] = await queryReport(knex, "total", filters)
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
