import type { AffiliateBalance } from "../types"
import { normalizeDecimal } from "../utils/money"

export type BalanceFilters = {
  affiliate_id?: string | string[]
  currency_code?: string
}

export type BalanceListFilters = BalanceFilters

/**
 * A balance's figures, summed from the ledger lines of one affiliate and
 * currency. A line a payout settled is `paid`; it counts as in flight while
 * its payout is pending or processing (see "How a payout moves" in
 * docs/ARCHITECTURE.md). Whether a balance is due a payout is decided by
 * `payouts/payable.ts`, not here.
 */
const BALANCE_SUMS = `
  COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0) AS available,
  COALESCE(SUM(amount) FILTER (WHERE status IN ('pending', 'on_hold')), 0) AS pending,
  COALESCE(SUM(amount) FILTER (WHERE status = 'paid' AND payout_status IN ('pending', 'processing')), 0) AS in_flight,
  COALESCE(SUM(amount) FILTER (WHERE status = 'paid' AND COALESCE(payout_status, 'paid') NOT IN ('pending', 'processing')), 0) AS paid`

/** The ledger's lines with their payout's status (a subquery, so the filters' column names stay unambiguous). */
const LINES_WITH_PAYOUT = `
  affiliate_commission_line
  LEFT JOIN (SELECT id AS pid, status AS payout_status FROM affiliate_payout) p ON p.pid = payout_id`

/** The filters' conditions, for the ledger and the read model alike. */
function conditionsOf(filters: BalanceFilters): string[] {
  const conditions: string[] = []
  if (filters.affiliate_id) conditions.push("affiliate_id = ANY(:affiliate_ids)")
  if (filters.currency_code) conditions.push("currency_code = :currency_code")
  return conditions
}

function bindingsOf(filters: BalanceListFilters) {
  return {
    affiliate_ids: [filters.affiliate_id ?? []].flat(),
    currency_code: filters.currency_code?.toLowerCase() ?? null,
  }
}

/**
 * Balances per affiliate and currency, summed from the ledger lines in SQL
 * (the covering ledger index): what a payout and an affiliate's own page read.
 */
export async function queryBalances(knex: any, filters: BalanceFilters = {}): Promise<AffiliateBalance[]> {
  const { rows } = await knex.raw(
    `SELECT affiliate_id, currency_code, ${BALANCE_SUMS}
       FROM ${LINES_WITH_PAYOUT}
      WHERE ${["deleted_at IS NULL", ...conditionsOf(filters)].join(" AND ")}
      GROUP BY affiliate_id, currency_code
      ORDER BY affiliate_id, currency_code`,
    bindingsOf(filters)
  )
  return rows.map(toBalance)
}

/**
 * Recomputes the balance read model (`affiliate_balance`) from the ledger for
 * the given affiliates, or for all. Run by the report refresh for the
 * affiliates whose lines changed, in its transaction (`stats/daily-stats.ts`).
 */
export async function recomputeBalances(trx: any, affiliateIds: string[] | null): Promise<void> {
  const only = affiliateIds ? { affiliate_id: affiliateIds } : {}
  await trx.raw(
    `DELETE FROM affiliate_balance ${affiliateIds ? "WHERE affiliate_id = ANY(:affiliate_ids)" : ""}`,
    bindingsOf(only)
  )
  await trx.raw(
    `INSERT INTO affiliate_balance (affiliate_id, currency_code, available, pending, in_flight, paid)
     SELECT affiliate_id, currency_code, ${BALANCE_SUMS}
       FROM ${LINES_WITH_PAYOUT}
      WHERE ${["deleted_at IS NULL", ...conditionsOf(only)].join(" AND ")}
      GROUP BY affiliate_id, currency_code`,
    bindingsOf(only)
  )
}

/**
 * Every affiliate's balances from the balance read model: a program with
 * 10,000 partners and 100,000s of lines lists them without summing the
 * ledger. The caller refreshes the read model first.
 */
export async function queryBalanceList(knex: any, filters: BalanceListFilters = {}): Promise<AffiliateBalance[]> {
  const conditions = conditionsOf(filters)
  const { rows } = await knex.raw(
    `SELECT affiliate_id, currency_code, available, pending, in_flight, paid
       FROM affiliate_balance b
      WHERE ${["true", ...conditions].join(" AND ")}
      ORDER BY affiliate_id, currency_code`,
    bindingsOf(filters)
  )
  return rows.map(toBalance)
}

function toBalance(row: Record<string, string>): AffiliateBalance {
  return {
    affiliate_id: row.affiliate_id,
    currency_code: row.currency_code,
    available: normalizeDecimal(row.available),
    pending: normalizeDecimal(row.pending),
    in_flight: normalizeDecimal(row.in_flight ?? "0"),
    paid: normalizeDecimal(row.paid),
  }
}
