import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { roundAmount } from "./money"

/**
 * The commission rules engine, as pure functions: which rule applies to each
 * line item, at which rate, on which base. Nothing here reads the database;
 * the accrual workflow gathers the facts (rules, order, performance) and
 * stores what these functions decide on the ledger line.
 */

export type RuleScope = "affiliate_product" | "affiliate" | "product" | "program"
export type RuleKind = "percent" | "fixed_order" | "fixed_lead"

export type CommissionRule = {
  id: string
  scope: RuleScope
  kind: RuleKind
  affiliate_id?: string | null
  product_id?: string | null
  /** 0: the referring affiliate; 1: its parent; ... */
  level?: number
  /** Percent, for `percent` rules. */
  rate?: BigNumberInput | null
  /** Fixed amount per currency code, for `fixed_order` and `fixed_lead` rules. */
  amounts?: Record<string, BigNumberInput> | null
  /** A product out of the program: its items earn nothing (product scopes only). */
  excluded?: boolean
  /** Rates that replace `rate` once performance reaches a threshold. */
  tiers?: { threshold: number; rate: BigNumberInput }[] | null
  tier_metric?: "paid_orders" | "revenue" | null
  /** Days of performance a tier is measured over; null: all time. */
  tier_period_days?: number | null
  /** Days after the customer was referred during which orders earn; null: for life. */
  window_days?: number | null
  first_order_only?: boolean
  new_customers_only?: boolean
}

/** Strongest first (D3): affiliate + product, affiliate, product, program. */
export const RULE_PRECEDENCE: RuleScope[] = ["affiliate_product", "affiliate", "product", "program"]

/** What the commission base leaves out; by default shipping, tax, discounts and gift cards. */
export type BaseExclusions = {
  shipping: boolean
  tax: boolean
  discounts: boolean
  gift_cards: boolean
}

export const DEFAULT_BASE_EXCLUSIONS: BaseExclusions = {
  shipping: true,
  tax: true,
  discounts: true,
  gift_cards: true,
}

export type RuleItem = {
  id: string
  product_id: string | null
  /** After quantity, before tax and discounts. */
  subtotal: BigNumberInput
  discount_subtotal?: BigNumberInput | null
  tax_total?: BigNumberInput | null
  is_giftcard?: boolean
}

export type RuleOrder = {
  currency_code: string
  items: RuleItem[]
  shipping_subtotal?: BigNumberInput | null
  shipping_tax_total?: BigNumberInput | null
}

export type RuleContext = {
  affiliate_id: string
  level: number
  referred_at: Date
  placed_at: Date
  is_first_order: boolean
  is_new_customer: boolean
  /** The affiliate's performance over the tier period, for tiered rules. */
  performance?: { paid_orders: number; revenue: BigNumberInput }
}

/** The rule that governs one product for one affiliate and level, or null. */
export function resolveRule(
  rules: CommissionRule[],
  { affiliate_id, product_id, level }: { affiliate_id: string; product_id: string | null; level: number }
): CommissionRule | null {
  const applies = (rule: CommissionRule) => {
    if ((rule.level ?? 0) !== level || rule.kind === "fixed_lead") return false
    switch (rule.scope) {
      case "affiliate_product":
        return rule.affiliate_id === affiliate_id && !!product_id && rule.product_id === product_id
      case "affiliate":
        return rule.affiliate_id === affiliate_id
      case "product":
        return !!product_id && rule.product_id === product_id
      case "program":
        return true
    }
  }
  const find = (scope: RuleScope) => rules.find((rule) => rule.scope === scope && applies(rule)) ?? null
  // A product out of the program (D8) earns nothing for any partner, whatever
  // their own rate: its exclusion outranks the partner's rule. Only a partner
  // + product rule, which names both, makes an exception for one partner.
  const productRule = find("product")
  if (productRule?.excluded) return find("affiliate_product") ?? productRule
  for (const scope of RULE_PRECEDENCE) {
    const found = find(scope)
    if (found) return found
  }
  return null
}

/** The rate a percent rule pays, raised by the highest tier the performance reached (D4). */
export function effectiveRate(rule: CommissionRule, performance?: RuleContext["performance"]) {
  let rate = MathBN.convert(rule.rate ?? 0)
  if (!rule.tiers?.length || !rule.tier_metric || !performance) {
    return rate
  }
  const reached = rule.tier_metric === "paid_orders" ? performance.paid_orders : performance.revenue
  for (const tier of [...rule.tiers].sort((a, b) => a.threshold - b.threshold)) {
    if (MathBN.gte(reached, tier.threshold)) {
      rate = MathBN.convert(tier.rate)
    }
  }
  return rate
}

/** Why a rule pays nothing for this order (D5), or null when it pays. */
export function ruleRefusal(rule: CommissionRule, context: RuleContext) {
  if (rule.window_days != null) {
    const end = context.referred_at.getTime() + rule.window_days * 86_400_000
    if (context.placed_at.getTime() > end) return "outside_window"
  }
  if (rule.first_order_only && !context.is_first_order) return "not_first_order"
  if (rule.new_customers_only && !context.is_new_customer) return "not_new_customer"
  return null
}

/** An item's commissionable base under the exclusions (D2). */
export function itemBase(item: RuleItem, exclusions: BaseExclusions) {
  if (exclusions.gift_cards && item.is_giftcard) {
    return MathBN.convert(0)
  }
  let base = MathBN.convert(item.subtotal)
  if (exclusions.discounts) base = MathBN.sub(base, item.discount_subtotal ?? 0)
  if (!exclusions.tax) base = MathBN.add(base, item.tax_total ?? 0)
  return MathBN.max(base, 0)
}

export type ItemCommission = {
  item_id: string
  rule_id: string
  rate: string
  base: string
  amount: string
}

export type OrderCommission = {
  /** Rounded once, for the whole order. */
  amount: string
  base: string
  items: ItemCommission[]
  /** The rule that decided the order, when one rule did (e.g. a fixed amount per order). */
  rule_id: string | null
  /** Why the order earns nothing, when it doesn't. */
  refusal: string | null
}

/**
 * The commission one affiliate earns at one level on an order: percent rules
 * per line item on the item's base, or the fixed amount per order of the
 * strongest fixed rule. Shipping joins the base only when it is not excluded,
 * at the rate of the affiliate's order-wide rule.
 */
export function computeOrderCommission(
  rules: CommissionRule[],
  order: RuleOrder,
  context: RuleContext,
  exclusions: BaseExclusions = DEFAULT_BASE_EXCLUSIONS
): OrderCommission {
  const currency = order.currency_code.toLowerCase()
  const orderRule = resolveRule(rules, { affiliate_id: context.affiliate_id, product_id: null, level: context.level })

  if (orderRule?.kind === "fixed_order") {
    const refusal = ruleRefusal(orderRule, context)
    const fixed = orderRule.amounts?.[currency]
    if (refusal || fixed === undefined) {
      return none(refusal ?? "no_amount_in_currency", orderRule.id)
    }
    const amount = roundAmount(fixed, currency)
    return { amount: amount.toString(), base: "0", items: [], rule_id: orderRule.id, refusal: null }
  }

  const items: ItemCommission[] = []
  let refusal: string | null = null
  for (const item of order.items) {
    const rule = resolveRule(rules, { affiliate_id: context.affiliate_id, product_id: item.product_id, level: context.level })
    if (!rule || rule.excluded || rule.kind !== "percent") continue
    const refused = ruleRefusal(rule, context)
    if (refused) {
      refusal = refused
      continue
    }
    const base = itemBase(item, exclusions)
    const rate = effectiveRate(rule, context.performance)
    items.push({
      item_id: item.id,
      rule_id: rule.id,
      rate: rate.toString(),
      base: base.toString(),
      amount: MathBN.div(MathBN.mult(base, rate), 100).toString(),
    })
  }

  let total = MathBN.sum(...items.map((item) => item.amount))
  let base = MathBN.sum(...items.map((item) => item.base))
  if (!exclusions.shipping && orderRule?.kind === "percent" && !ruleRefusal(orderRule, context)) {
    const shipping = MathBN.add(order.shipping_subtotal ?? 0, exclusions.tax ? 0 : order.shipping_tax_total ?? 0)
    const rate = effectiveRate(orderRule, context.performance)
    total = MathBN.add(total, MathBN.div(MathBN.mult(shipping, rate), 100))
    base = MathBN.add(base, shipping)
  }

  const ruleIds = [...new Set(items.map((item) => item.rule_id))]
  return {
    amount: roundAmount(total, currency).toString(),
    base: roundAmount(base, currency).toString(),
    items,
    rule_id: ruleIds.length === 1 ? ruleIds[0] : null,
    refusal: items.length ? null : refusal ?? "no_rule",
  }
}

/**
 * The affiliates that earn on an order, level by level (D6): the referrer at
 * level 0, then each parent up the chain while its override hasn't ended.
 * `chain` is the referrer first, then its parent, and so on.
 */
export function earningLevels(
  chain: { id: string; parent_commission_ends_at?: Date | string | null }[],
  placedAt: Date,
  maxLevel: number
) {
  const levels: { affiliate_id: string; level: number }[] = []
  for (let level = 0; level < chain.length && level <= maxLevel; level++) {
    if (level > 0) {
      // The override of a parent ends at the date set on the recruit below it.
      const endsAt = chain[level - 1].parent_commission_ends_at
      if (endsAt && new Date(endsAt) < placedAt) break
    }
    levels.push({ affiliate_id: chain[level].id, level })
  }
  return levels
}

function none(refusal: string, ruleId: string | null): OrderCommission {
  return { amount: "0", base: "0", items: [], rule_id: ruleId, refusal }
}

/**
 * The per-lead rule (D1, CPL) for an affiliate: its own, else the program's.
 * Only the referring affiliate earns for a lead.
 */
export function resolveLeadRule(rules: CommissionRule[], affiliateId: string): CommissionRule | null {
  const leadRules = rules.filter((rule) => rule.kind === "fixed_lead" && (rule.level ?? 0) === 0)
  return (
    leadRules.find((rule) => rule.scope === "affiliate" && rule.affiliate_id === affiliateId) ??
    leadRules.find((rule) => rule.scope === "program") ??
    null
  )
}

/**
 * What a lead rule pays: the amount in the first of `currencies` the rule
 * names (the store's default currency first), else its first amount.
 */
export function leadCommission(
  rule: CommissionRule,
  currencies: string[]
): { currency_code: string; amount: BigNumberInput } | null {
  const amounts = Object.entries(rule.amounts ?? {}).map(([code, amount]) => [code.toLowerCase(), amount] as const)
  if (!amounts.length) return null
  const preferred = currencies
    .map((code) => amounts.find(([amountCode]) => amountCode === code.toLowerCase()))
    .find(Boolean)
  const [currency_code, amount] = preferred ?? amounts[0]
  const rounded = roundAmount(amount, currency_code)
  return MathBN.gt(rounded, 0) ? { currency_code, amount: rounded } : null
}
