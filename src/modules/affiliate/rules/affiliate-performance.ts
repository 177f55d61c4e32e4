/** What commission tiers are measured by, summed from the ledger. */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { normalizeDecimal } from "../utils/money"
import { CommissionStatus, CommissionType } from "../../../types/ledger"

/**
 * The affiliate's paid referred orders and the revenue (commission base)
 * they brought since `since` (all time when null).
 */
export async function affiliatePerformance(
  knex: Knex,
  affiliateId: string,
  since: Date | null
): Promise<{ paid_orders: number; revenue: string }> {
  const query = knex("affiliate_commission_line")
    .where({ affiliate_id: affiliateId, type: CommissionType.SALE, level: 0 })
    .whereNot({ status: CommissionStatus.REJECTED })
    .whereNotNull("paid_by_customer_at")
    .whereNull("deleted_at")
    .select(
      knex.raw("COUNT(DISTINCT order_id)::int AS paid_orders"),
      knex.raw("COALESCE(SUM(base_amount), 0)::text AS revenue")
    )
  if (since) {
    query.where("paid_by_customer_at", ">=", since)
  }
  const [row] = (await query) as { paid_orders: number; revenue: string }[]
  return { paid_orders: row?.paid_orders ?? 0, revenue: normalizeDecimal(row?.revenue ?? "0") }
}
