import type { PayoutMinimums } from "../settings"
import type { AffiliateBalance } from "../types"
import { normalizeDecimal } from "../utils/money"

export type BalanceFilters = {
  affiliate_id?: string | string[]
  currency_code?: string
}

export type BalanceListFilters = BalanceFilters & {
  /**
   * Only the balances a payout could pay now: available above zero and at
   * least the currency's minimum (the rule `toBalanceResponse` states).
   */
  payable?: PayoutMinimums
}

/** A balance's figures, summed from the ledger lines of one affiliate and currency. */
const BALANCE_SUMS = `
  COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0) AS available,
  COALESCE(SUM(amount) FILTER (WHERE status IN ('pending', 'on_hold')), 0) AS pending,
  COALESCE(SUM(amount) FILTER (WHERE status = 'paid'), 0) AS paid`

/** The filters' conditions, for the ledger and the read model alike. */
function conditionsOf(filters: BalanceFilters): string[] {
  const conditions: string[] = []
  if (filters.affiliate_id) conditions.push("affiliate_id = ANY(:affiliate_ids)")
  if (filters.currency_code) conditions.push("currency_code = :currency_code")
  return conditions
}

function bindingsOf(filters: BalanceListFilters) {
  const minimums = Object.entries(filters.payable?.by_currency ?? {})
  return {
    affiliate_ids: [filters.affiliate_id ?? []].flat(),
    currency_code: filters.currency_code?.toLowerCase() ?? null,
    minimum_codes: minimums.map(([code]) => code),
    minimum_amounts: minimums.map(([, amount]) => amount),
    otherwise: filters.payable?.otherwise ?? 0,
  }
}

/**
 * Balances per affiliate and currency, summed from the ledger lines in SQL
 * (the covering ledger index): what a payout and an affiliate's own page read.
 */
export async function queryBalances(knex: any, filters: BalanceFilters = {}): Promise<AffiliateBalance[]> {
  const { rows } = await knex.raw(
    `SELECT affiliate_id, currency_code, ${BALANCE_SUMS}
       FROM affiliate_commission_line
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
    `INSERT INTO affiliate_balance (affiliate_id, currency_code, available, pending, paid)
     SELECT affiliate_id, currency_code, ${BALANCE_SUMS}
       FROM affiliate_commission_line
      WHERE ${["deleted_at IS NULL", ...conditionsOf(only)].join(" AND ")}
      GROUP BY affiliate_id, currency_code`,
    bindingsOf(only)
  )
}

/**
 * Every affiliate's balances, or only the payable ones, from the balance read
 * model: a program with 10,000 partners and 100,000s of lines lists them
 * without summing the ledger. The caller refreshes the read model first.
 */
export async function queryBalanceList(knex: any, filters: BalanceListFilters = {}): Promise<AffiliateBalance[]> {
  const conditions = conditionsOf(filters)
  if (filters.payable) {
    conditions.push("available > 0", "available >= COALESCE(m.amount, :otherwise)")
  }
  const { rows } = await knex.raw(
    `SELECT affiliate_id, currency_code, available, pending, paid
       FROM affiliate_balance b
       LEFT JOIN unnest(CAST(:minimum_codes AS text[]), CAST(:minimum_amounts AS numeric[])) m (code, amount)
         ON m.code = b.currency_code
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
    paid: normalizeDecimal(row.paid),
  }
}
