import type { PayoutMinimums } from "../settings"
import type { AffiliateBalance } from "../types"
import { normalizeDecimal } from "../utils/money"

export type BalanceFilters = {
  affiliate_id?: string | string[]
  currency_code?: string
  /**
   * Only the balances a payout could pay now: available above zero and at
   * least the currency's minimum (the rule `toBalanceResponse` states), so on
   * a big program only those few leave the database.
   */
  payable?: PayoutMinimums
}

/**
 * Balances per affiliate and currency, summed from the ledger lines: from the
 * covering ledger index alone (affiliate, currency, status, payout, amount).
 */
export async function queryBalances(knex: any, filters: BalanceFilters = {}): Promise<AffiliateBalance[]> {
  const where = ["deleted_at IS NULL"]
  if (filters.affiliate_id) where.push("affiliate_id = ANY(:affiliate_ids)")
  if (filters.currency_code) where.push("currency_code = :currency_code")
  const minimums = Object.entries(filters.payable?.by_currency ?? {})
  const payableOnly = `
    LEFT JOIN unnest(CAST(:minimum_codes AS text[]), CAST(:minimum_amounts AS numeric[])) m (currency_code, amount)
      ON m.currency_code = b.currency_code
    WHERE b.available > 0 AND b.available >= COALESCE(m.amount, :otherwise)`
  const { rows } = await knex.raw(
    `SELECT b.affiliate_id, b.currency_code,
            b.available::text AS available, b.pending::text AS pending, b.paid::text AS paid
       FROM (
         SELECT affiliate_id, currency_code,
                COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0) AS available,
                COALESCE(SUM(amount) FILTER (WHERE status IN ('pending', 'on_hold')), 0) AS pending,
                COALESCE(SUM(amount) FILTER (WHERE status = 'paid'), 0) AS paid
           FROM affiliate_commission_line
          WHERE ${where.join(" AND ")}
          GROUP BY affiliate_id, currency_code
       ) b ${filters.payable ? payableOnly : ""}
      ORDER BY b.affiliate_id, b.currency_code`,
    {
      affiliate_ids: [filters.affiliate_id ?? []].flat(),
      currency_code: filters.currency_code?.toLowerCase() ?? null,
      minimum_codes: minimums.map(([code]) => code),
      minimum_amounts: minimums.map(([, amount]) => amount),
      otherwise: filters.payable?.otherwise ?? 0,
    }
  )
  return rows.map((row: AffiliateBalance) => ({
    ...row,
    available: normalizeDecimal(row.available),
    pending: normalizeDecimal(row.pending),
    paid: normalizeDecimal(row.paid),
  }))
}
