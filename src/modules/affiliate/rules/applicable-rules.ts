/** The rules an order or lead can be priced by, as the rules engine reads them. */
import type { BigNumberInput } from "@medusajs/framework/types"
import type { ModuleTx } from "../module-tx"
import type { CommissionRule } from "../utils/commission-rules"

/**
 * The active rules that can apply: program rules, and rules of the given
 * affiliates or products, oldest first, each rate at full precision (its `raw_` value).
 */
export async function listApplicableRules(
  tx: ModuleTx,
  { affiliate_ids, product_ids }: { affiliate_ids: string[]; product_ids: string[] }
): Promise<CommissionRule[]> {
  const rules = await tx.service.listCommissionRules(
    {
      is_active: true,
      $or: [
        { scope: "program" },
        ...(affiliate_ids.length ? [{ affiliate_id: affiliate_ids }] : []),
        ...(product_ids.length ? [{ product_id: product_ids }] : []),
      ],
    } as never,
    { order: { created_at: "ASC" } },
    tx.context
  )
  return (rules as unknown as (CommissionRule & { raw_rate?: BigNumberInput | null })[]).map(
    ({ raw_rate, ...rule }) => ({ ...rule, rate: raw_rate ?? rule.rate })
  )
}
