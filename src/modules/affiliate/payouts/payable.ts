import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * The one "payable" rule: a balance is due a payout when what is available
 * is above zero and at least the currency's minimum payout. Exact (MathBN).
 * The balance list, the single payout (under the affiliate's lock) and the
 * batch all decide with it.
 */
export function isPayoutDue(available: BigNumberInput, minimum: BigNumberInput): boolean {
  return MathBN.gt(available, 0) && MathBN.gte(available, minimum)
}
