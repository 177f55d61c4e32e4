// The report figures straight from the raw tables, for `npm run bench:reports`:
// what a route would have to run without the read model (aggregates over the
// clicks, leads, attributions and ledger lines), the baseline each route is
// timed against and the check of its figures. Each returns { text, values }
// for pg.

const MONEY = ["pending", "on_hold", "approved", "paid", "rejected"]
const FIGURES = ["clicks", "unique_visitors", "leads", "orders", "revenue", ...MONEY]
const DAY = (at) => `CAST(${at} AT TIME ZONE 'UTC' AS date)`

// One entry per raw table: its time column, the row that carries the report
// dimensions (a ledger line takes them from its attribution), and what it adds.
const RAW_SOURCES = [
  {
    from: "affiliate_click t",
    where: "t.deleted_at IS NULL",
    at: "t.created_at",
    currency: "''",
    figures: {
      clicks: "COUNT(*)",
      // The read model's unique visitor: first click of a visitor for an affiliate on a day.
      unique_visitors: `COUNT(DISTINCT t.affiliate_id || '|' || COALESCE(t.visitor_hash, '') || '|' || ${DAY("t.created_at")})`,
    },
  },
  { from: "affiliate_lead t", where: "t.deleted_at IS NULL", at: "t.created_at", currency: "''", figures: { leads: "COUNT(*)" } },
  {
    from: "affiliate_attribution t",
    // An accepted order counts, with or without commission (src/modules/affiliate/ledger/accrual.ts).
    where: "t.ordered_at IS NOT NULL AND (t.rejection_reason IS NULL OR t.rejection_reason = 'no_commission') AND t.deleted_at IS NULL",
    at: "t.ordered_at",
    currency: "COALESCE(t.currency_code, '')",
    figures: { orders: "COUNT(*)", revenue: "SUM(COALESCE(t.order_total, 0))" },
  },
  {
    from: "affiliate_commission_line t LEFT JOIN affiliate_attribution d ON d.id = t.attribution_id",
    where: "t.deleted_at IS NULL",
    at: "t.created_at",
    dims: "d",
    currency: "t.currency_code",
    figures: Object.fromEntries(MONEY.map((status) => [status, `SUM(t.amount) FILTER (WHERE t.status = '${status}')`])),
  },
]

const KEYS = {
  day: (s) => `to_char(${DAY(s.at)}, 'YYYY-MM-DD')`,
  affiliate: () => "t.affiliate_id",
  sales_channel: (s) => `COALESCE(${s.dims ?? "t"}.sales_channel_id, '')`,
  link: (s) => `COALESCE(${s.dims ?? "t"}.link_id, '')`,
  utm_campaign: (s) => `COALESCE(${s.dims ?? "t"}.utm_campaign, '')`,
  total: () => "''",
}

/**
 * The report figures of `group` over the UTC days `from`..`to`, straight from
 * the raw tables. `previous` (a day before `from`) adds the period before:
 * the key is then "current" or "previous" (the summary routes). With
 * `currency`, money is in that currency only and rows are per key; without,
 * per key and currency. `orderBy: "revenue"` with `limit` makes a top list.
 */
export function rawReportQuery(group, { from, to, previous, affiliateId, currency, orderBy, limit }) {
  const values = []
  const param = (value) => `$${values.push(value)}`
  const start = param(dayStart(previous ?? from))
  const end = param(dayStart(to, 1))
  const split = previous ? param(dayStart(from)) : null
  const affiliate = affiliateId ? param(affiliateId) : null
  const money = currency ? param(currency) : null
  const key = split ? (s) => `CASE WHEN ${s.at} >= ${split} THEN 'current' ELSE 'previous' END` : KEYS[group]

  const parts = RAW_SOURCES.map((s) => {
    const where = [s.where, `${s.at} >= ${start}`, `${s.at} < ${end}`]
    if (affiliate) where.push(`t.affiliate_id = ${affiliate}`)
    if (money && s.currency !== "''") where.push(`${s.currency} = ${money}`)
    return `SELECT ${key(s)} AS key, ${s.currency} AS currency_code,
                   ${FIGURES.map((f) => `${s.figures[f] ?? "0"} AS ${f}`).join(", ")}
              FROM ${s.from} WHERE ${where.join(" AND ")} GROUP BY 1, 2`
  })
  const perCurrency = !money
  const text = `
    SELECT key, ${perCurrency ? "currency_code, " : ""}
           SUM(clicks)::int AS clicks, SUM(unique_visitors)::int AS unique_visitors, SUM(leads)::int AS leads,
           SUM(orders)::int AS orders, ${["revenue", ...MONEY].map((f) => `COALESCE(SUM(${f}), 0)::text AS ${f}`).join(", ")}
      FROM (${parts.join("\n UNION ALL\n")}) f
     GROUP BY key${perCurrency ? ", currency_code" : ""}
     ORDER BY ${orderBy === "revenue" ? "SUM(revenue) DESC NULLS LAST, key" : "key"}${limit ? ` LIMIT ${Number(limit)}` : ""}`
  return { text, values }
}

/**
 * Balances from the ledger as listBalances (src/modules/affiliate/service.ts)
 * sums them, with the route's "payable" filter (available > 0 and at least the
 * minimum payout) done in SQL instead of in JavaScript.
 */
export function rawPayableBalancesQuery(minimumPayout) {
  return {
    text: `
      SELECT * FROM (
        SELECT affiliate_id, currency_code,
               COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0) AS available,
               COALESCE(SUM(amount) FILTER (WHERE status IN ('pending', 'on_hold')), 0) AS pending,
               COALESCE(SUM(amount) FILTER (WHERE status = 'paid'), 0) AS paid
          FROM affiliate_commission_line WHERE deleted_at IS NULL
         GROUP BY affiliate_id, currency_code) b
       WHERE available > 0 AND available >= $1
       ORDER BY affiliate_id, currency_code`,
    values: [minimumPayout],
  }
}

/** Midnight UTC at the start of a YYYY-MM-DD day, `plusDays` later. */
function dayStart(day, plusDays = 0) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000)
}
