import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { percentOf, roundAmount } from "./money"

export type CommissionableItem = {
  /** The item's subtotal: after quantity, before tax and discounts. */
  subtotal?: BigNumberInput | null
  /** The discounts on the item, before tax. */
  discount_subtotal?: BigNumberInput | null
}

/**
 * What a percentage commission is paid on: the items' value after discounts,
 * without tax and without shipping (shipping isn't an item).
 */
export function commissionBase(items: CommissionableItem[], currencyCode: string) {
  const base = MathBN.sum(
    ...items.map((item) => MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0))
  )
  return roundAmount(MathBN.max(base, 0), currencyCode)
}

/** A sale commission at `ratePercent` of the order's commissionable base. */
export function saleCommission(
  items: CommissionableItem[],
  ratePercent: BigNumberInput,
  currencyCode: string
) {
  const base = commissionBase(items, currencyCode)
  return { base, amount: percentOf(base, ratePercent, currencyCode) }
}
