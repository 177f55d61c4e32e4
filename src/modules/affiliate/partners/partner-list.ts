/**
 * The admin's partner list sorted by money (G1): revenue of referred orders,
 * earnings (every commission not rejected) or balance due (approved, not yet
 * paid), in one currency, from the read models the report refresh keeps in
 * step with the ledger (`affiliate_daily_stat`, `affiliate_balance`). Amounts
 * in different currencies are never added together.
 */
import { normalizeDecimal } from "../utils/money"

type KnexLike = any

export const MONEY_SORTS = ["revenue", "earnings", "balance_due"] as const
export type MoneySort = (typeof MONEY_SORTS)[number]

export type PartnerListFilters = {
  q?: string
  id?: string | string[]
  status?: string | string[]
  email?: string
  parent_id?: string
  is_internal?: boolean
}

export type PartnerMoneyTotals = {
  currency_code: string
  revenue: number
  earnings: number
  balance_due: number
}

/** Revenue, earnings and balance due per affiliate in one currency (a subquery joined on `affiliate_id`). */
const TOTALS = `
  SELECT ids.affiliate_id,
         COALESCE(r.revenue, 0) AS revenue,
         COALESCE(b.available + b.pending + b.in_flight + b.paid, 0) AS earnings,
         COALESCE(b.available, 0) AS balance_due
    FROM (SELECT id AS affiliate_id FROM affiliate WHERE deleted_at IS NULL) ids
    LEFT JOIN (
      SELECT affiliate_id, SUM(revenue) AS revenue
        FROM affiliate_daily_stat
       WHERE currency_code = :currency_code
       GROUP BY affiliate_id
    ) r ON r.affiliate_id = ids.affiliate_id
    LEFT JOIN affiliate_balance b ON b.affiliate_id = ids.affiliate_id AND b.currency_code = :currency_code`

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function conditionsOf(filters: PartnerListFilters) {
  const conditions = ["a.deleted_at IS NULL"]
  const bindings: Record<string, unknown> = {}
  if (filters.q) {
    conditions.push("(a.name ILIKE :q OR a.email ILIKE :q OR a.company ILIKE :q)")
    bindings.q = `%${escapeLike(filters.q)}%`
  }
  if (filters.id) {
    conditions.push("a.id = ANY(:ids)")
    bindings.ids = [filters.id].flat()
  }
  if (filters.status) {
    conditions.push("a.status = ANY(:statuses)")
    bindings.statuses = [filters.status].flat()
  }
  if (filters.email) {
    conditions.push("a.email = :email")
    bindings.email = filters.email.trim().toLowerCase()
  }
  if (filters.parent_id) {
    conditions.push("a.parent_id = :parent_id")
    bindings.parent_id = filters.parent_id
  }
  if (filters.is_internal !== undefined) {
    conditions.push("a.is_internal = :is_internal")
    bindings.is_internal = filters.is_internal
  }
  return { where: conditions.join(" AND "), bindings }
}

/**
 * One page of affiliate ids sorted by a money figure in one currency (ties by
 * name, then id, so pages never overlap), and how many match the filters.
 */
export async function rankAffiliates(
  knex: KnexLike,
  params: {
    filters: PartnerListFilters
    sort: MoneySort
    descending: boolean
    currency_code: string
    limit: number
    offset: number
  }
): Promise<{ ids: string[]; count: number }> {
  const { where, bindings } = conditionsOf(params.filters)
  const direction = params.descending ? "DESC" : "ASC"
  // `sort` is one of MONEY_SORTS (validated), never text from the request.
  const column = { revenue: "t.revenue", earnings: "t.earnings", balance_due: "t.balance_due" }[params.sort]
  const { rows } = await knex.raw(
    `SELECT a.id, COUNT(*) OVER () AS total
       FROM affiliate a
       JOIN (${TOTALS}) t ON t.affiliate_id = a.id
      WHERE ${where}
      ORDER BY ${column} ${direction}, a.name ASC, a.id ASC
      LIMIT :limit OFFSET :offset`,
    { ...bindings, currency_code: params.currency_code.toLowerCase(), limit: params.limit, offset: params.offset }
  )
  if (!rows.length && params.offset > 0) {
    // Past the end: the count still answers.
    const { rows: counted } = await knex.raw(`SELECT COUNT(*) AS total FROM affiliate a WHERE ${where}`, bindings)
    return { ids: [], count: Number(counted[0]?.total ?? 0) }
  }
  return { ids: rows.map((row: { id: string }) => row.id), count: Number(rows[0]?.total ?? 0) }
}

/** Revenue, earnings and balance due of the given affiliates in one currency. */
export async function affiliateMoneyTotals(
  knex: KnexLike,
  ids: string[],
  currencyCode: string
): Promise<Map<string, PartnerMoneyTotals>> {
  const currency_code = currencyCode.toLowerCase()
  if (!ids.length) return new Map()
  const { rows } = await knex.raw(`SELECT * FROM (${TOTALS}) t WHERE t.affiliate_id = ANY(:ids)`, { ids, currency_code })
  return new Map(
    rows.map((row: Record<string, string>) => [
      row.affiliate_id,
      {
        currency_code,
        revenue: Number(normalizeDecimal(row.revenue)),
        earnings: Number(normalizeDecimal(row.earnings)),
        balance_due: Number(normalizeDecimal(row.balance_due)),
      },
    ])
  )
}
