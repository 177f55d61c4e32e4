import {
  CommissionRule,
  computeOrderCommission,
  DEFAULT_BASE_EXCLUSIONS,
  earningLevels,
  effectiveRate,
  leadCommission,
  resolveLeadRule,
  resolveRule,
  RuleContext,
  RuleOrder,
} from "../utils/commission-rules"

const program: CommissionRule = { id: "program", scope: "program", kind: "percent", rate: 10 }
const product: CommissionRule = { id: "product", scope: "product", kind: "percent", product_id: "prod_a", rate: 20 }
const affiliate: CommissionRule = { id: "affiliate", scope: "affiliate", kind: "percent", affiliate_id: "aff_1", rate: 15 }
const both: CommissionRule = {
  id: "affiliate_product",
  scope: "affiliate_product",
  kind: "percent",
  affiliate_id: "aff_1",
  product_id: "prod_a",
  rate: 30,
}

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  affiliate_id: "aff_1",
  level: 0,
  referred_at: new Date("2026-01-01T00:00:00Z"),
  placed_at: new Date("2026-01-10T00:00:00Z"),
  is_first_order: true,
  is_new_customer: true,
  ...overrides,
})

const order = (overrides: Partial<RuleOrder> = {}): RuleOrder => ({
  currency_code: "usd",
  items: [
    { id: "item_a", product_id: "prod_a", subtotal: 100, discount_subtotal: 10, tax_total: 8 },
    { id: "item_b", product_id: "prod_b", subtotal: 50 },
  ],
  shipping_subtotal: 10,
  ...overrides,
})

describe("resolveRule: precedence (D3)", () => {
  it.each([
    ["affiliate + product beats everything", [program, product, affiliate, both], "aff_1", "prod_a", "affiliate_product"],
    ["affiliate beats product and program", [program, product, affiliate], "aff_1", "prod_a", "affiliate"],
    ["product beats program", [program, product], "aff_1", "prod_a", "product"],
    ["program is the fallback", [program, product], "aff_1", "prod_b", "program"],
    ["another affiliate's rule doesn't apply", [program, affiliate, both], "aff_2", "prod_a", "program"],
    ["no rule at all", [product], "aff_1", "prod_b", null],
  ])("%s", (_, rules, affiliateId, productId, expected) => {
    const rule = resolveRule(rules as CommissionRule[], { affiliate_id: affiliateId as string, product_id: productId as string, level: 0 })
    expect(rule?.id ?? null).toBe(expected)
  })

  it("only matches rules of the same level", () => {
    const parent: CommissionRule = { id: "parent", scope: "program", kind: "percent", rate: 5, level: 1 }
    expect(resolveRule([program, parent], { affiliate_id: "aff_1", product_id: null, level: 1 })?.id).toBe("parent")
    expect(resolveRule([parent], { affiliate_id: "aff_1", product_id: null, level: 0 })).toBeNull()
  })
})

describe("computeOrderCommission", () => {
  it("applies each item's own rule and rounds once for the order", () => {
    const result = computeOrderCommission([program, product], order(), context())
    // prod_a: 20% of (100 - 10) = 18; prod_b: 10% of 50 = 5
    expect(result).toMatchObject({ amount: "23", base: "140", refusal: null, rule_id: null })
    expect(result.items.map((item) => [item.item_id, item.rule_id, item.rate, item.amount])).toEqual([
      ["item_a", "product", "20", "18"],
      ["item_b", "program", "10", "5"],
    ])
  })

  it("leaves out a product that is out of the program (D8)", () => {
    const out: CommissionRule = { id: "out", scope: "product", kind: "percent", product_id: "prod_a", excluded: true }
    expect(computeOrderCommission([program, out], order(), context()).amount).toBe("5")
  })

  it("keeps a product out of the program for a partner with their own rate; a partner + product rule is the one exception", () => {
    const out: CommissionRule = { id: "out", scope: "product", kind: "percent", product_id: "prod_a", excluded: true }
    expect(resolveRule([program, affiliate, out], { affiliate_id: "aff_1", product_id: "prod_a", level: 0 })?.id).toBe("out")
    expect(resolveRule([program, affiliate, out], { affiliate_id: "aff_1", product_id: "prod_b", level: 0 })?.id).toBe("affiliate")
    const exception: CommissionRule = { id: "exception", scope: "affiliate_product", kind: "percent", affiliate_id: "aff_1", product_id: "prod_a", rate: 5 }
    expect(resolveRule([program, affiliate, out, exception], { affiliate_id: "aff_1", product_id: "prod_a", level: 0 })?.id).toBe("exception")
    expect(resolveRule([program, affiliate, out, exception], { affiliate_id: "aff_2", product_id: "prod_a", level: 0 })?.id).toBe("out")
  })

  it.each([
    ["defaults: no shipping, no tax, after discounts, no gift cards", DEFAULT_BASE_EXCLUSIONS, "14"],
    ["shipping included", { ...DEFAULT_BASE_EXCLUSIONS, shipping: false }, "15"],
    ["tax included", { ...DEFAULT_BASE_EXCLUSIONS, tax: false }, "14.8"],
    ["discounts not deducted", { ...DEFAULT_BASE_EXCLUSIONS, discounts: false }, "15"],
  ])("base exclusions (D2): %s", (_, exclusions, amount) => {
    expect(computeOrderCommission([program], order(), context(), exclusions).amount).toBe(amount)
  })

  it("excludes gift cards unless asked to include them", () => {
    const withGiftCard = order({ items: [{ id: "gc", product_id: "prod_gc", subtotal: 50, is_giftcard: true }] })
    expect(computeOrderCommission([program], withGiftCard, context()).amount).toBe("0")
    expect(
      computeOrderCommission([program], withGiftCard, context(), { ...DEFAULT_BASE_EXCLUSIONS, gift_cards: false }).amount
    ).toBe("5")
  })

  it.each([
    ["usd", 33.33, 12.5, "4.17"],
    ["jpy", 1999, 7, "140"],
    ["kwd", 10.001, 10, "1"],
  ])("rounds to the currency: %s", (currency, subtotal, rate, amount) => {
    const result = computeOrderCommission(
      [{ ...program, rate }],
      { currency_code: currency, items: [{ id: "i", product_id: "p", subtotal }] },
      context()
    )
    expect(result.amount).toBe(amount)
  })

  // The commission base (D2): cases kept from the old `sale-commission.ts`, which
  // production never used; this engine is the one implementation.
  it("sums item subtotals after discounts into the base and rounds the commission once", () => {
    const result = computeOrderCommission(
      [program],
      {
        currency_code: "usd",
        items: [
          { id: "a", product_id: "p", subtotal: 50, discount_subtotal: 5 },
          { id: "b", product_id: "p", subtotal: 20.1, discount_subtotal: 0 },
          { id: "c", product_id: "p", subtotal: 9.99 },
        ],
      },
      context()
    )
    // 10% of 75.09 = 7.509
    expect(result).toMatchObject({ base: "75.09", amount: "7.51" })
  })

  it("never has a negative base when discounts exceed the item", () => {
    const result = computeOrderCommission(
      [program],
      { currency_code: "usd", items: [{ id: "a", product_id: "p", subtotal: 10, discount_subtotal: 12 }] },
      context()
    )
    expect(result).toMatchObject({ base: "0", amount: "0" })
  })

  it("pays nothing on an order without items", () => {
    expect(computeOrderCommission([program], { currency_code: "eur", items: [] }, context())).toMatchObject({
      base: "0",
      amount: "0",
      refusal: "no_rule",
    })
  })

  it("rounds the order's total, not each item: 2 x 1.001 is 2.00", () => {
    const result = computeOrderCommission(
      [{ ...program, rate: 10 }],
      {
        currency_code: "usd",
        items: [
          { id: "a", product_id: "p", subtotal: 10.01 },
          { id: "b", product_id: "p", subtotal: 10.01 },
        ],
      },
      context()
    )
    expect(result).toMatchObject({ base: "20.02", amount: "2" })
  })

  it("pays a fixed amount per order in the order's currency (D1, D7)", () => {
    const cpa: CommissionRule = { id: "cpa", scope: "affiliate", kind: "fixed_order", affiliate_id: "aff_1", amounts: { usd: 7.5, jpy: 1000 } }
    expect(computeOrderCommission([program, cpa], order(), context())).toMatchObject({ amount: "7.5", rule_id: "cpa" })
    expect(computeOrderCommission([program, cpa], order({ currency_code: "JPY" }), context()).amount).toBe("1000")
    expect(computeOrderCommission([program, cpa], order({ currency_code: "eur" }), context())).toMatchObject({
      amount: "0",
      refusal: "no_amount_in_currency",
    })
  })
})

describe("tiers (D4)", () => {
  const tiered: CommissionRule = {
    ...program,
    rate: 25,
    tier_metric: "paid_orders",
    tiers: [
      { threshold: 10, rate: 35 },
      { threshold: 50, rate: 45 },
    ],
  }

  it.each([
    [0, "25"],
    [9, "25"],
    [10, "35"],
    [49, "35"],
    [50, "45"],
    [500, "45"],
  ])("with %i paid orders the rate is %s%%", (paidOrders, rate) => {
    expect(effectiveRate(tiered, { paid_orders: paidOrders, revenue: 0 }).toString()).toBe(rate)
  })

  it("can count revenue instead of orders", () => {
    const byRevenue: CommissionRule = { ...tiered, tier_metric: "revenue", tiers: [{ threshold: 1000, rate: 30 }] }
    expect(effectiveRate(byRevenue, { paid_orders: 0, revenue: 999.99 }).toString()).toBe("25")
    expect(effectiveRate(byRevenue, { paid_orders: 0, revenue: 1000 }).toString()).toBe("30")
  })

  it("raises the order's commission when the tier is crossed", () => {
    const items = { currency_code: "usd", items: [{ id: "i", product_id: "p", subtotal: 100 }] }
    expect(computeOrderCommission([tiered], items, context({ performance: { paid_orders: 9, revenue: 0 } })).amount).toBe("25")
    expect(computeOrderCommission([tiered], items, context({ performance: { paid_orders: 10, revenue: 0 } })).amount).toBe("35")
  })
})

describe("windows and customer conditions (D5)", () => {
  const items = { currency_code: "usd", items: [{ id: "i", product_id: "p", subtotal: 100 }] }

  it.each([
    [30, "2026-01-31T00:00:00Z", "10", null],
    [30, "2026-01-31T00:00:01Z", "0", "outside_window"],
    [90, "2026-03-31T00:00:00Z", "10", null],
    [null, "2030-01-01T00:00:00Z", "10", null],
  ])("a %s-day window, order placed %s", (windowDays, placedAt, amount, refusal) => {
    const rule = { ...program, window_days: windowDays }
    const result = computeOrderCommission([rule], items, context({ placed_at: new Date(placedAt) }))
    expect([result.amount, result.refusal]).toEqual([amount, refusal])
  })

  it("pays first orders and new customers only when asked", () => {
    const firstOnly = { ...program, first_order_only: true }
    expect(computeOrderCommission([firstOnly], items, context({ is_first_order: false })).refusal).toBe("not_first_order")
    const newOnly = { ...program, new_customers_only: true }
    expect(computeOrderCommission([newOnly], items, context({ is_new_customer: false })).refusal).toBe("not_new_customer")
    expect(computeOrderCommission([newOnly], items, context()).amount).toBe("10")
  })
})

describe("earningLevels (D6)", () => {
  const placedAt = new Date("2026-06-01T00:00:00Z")

  it("climbs the chain up to the deepest level paid", () => {
    const chain = [{ id: "recruit" }, { id: "parent" }, { id: "grandparent" }]
    expect(earningLevels(chain, placedAt, 1)).toEqual([
      { affiliate_id: "recruit", level: 0 },
      { affiliate_id: "parent", level: 1 },
    ])
    expect(earningLevels(chain, placedAt, 5)).toHaveLength(3)
  })

  it("stops at a parent whose override has ended", () => {
    const chain = [
      { id: "recruit", parent_commission_ends_at: "2026-05-31T00:00:00Z" },
      { id: "parent" },
    ]
    expect(earningLevels(chain, placedAt, 3)).toEqual([{ affiliate_id: "recruit", level: 0 }])
    const notYetEnded = [{ id: "recruit", parent_commission_ends_at: "2026-12-31T00:00:00Z" }, { id: "parent" }]
    expect(earningLevels(notYetEnded, placedAt, 3)).toHaveLength(2)
  })
})

describe("lead rules", () => {
  const program: CommissionRule = { id: "p", scope: "program", kind: "fixed_lead", amounts: { eur: 2.5, usd: 3 } }
  const own: CommissionRule = { id: "a", scope: "affiliate", kind: "fixed_lead", affiliate_id: "aff_1", amounts: { jpy: 500.4 } }
  const percent: CommissionRule = { id: "x", scope: "affiliate", kind: "percent", affiliate_id: "aff_1", rate: 10 }

  it.each([
    ["aff_1", "a"],
    ["aff_2", "p"],
  ])("picks the affiliate's own lead rule over the program's (%s -> %s)", (affiliateId, expected) => {
    expect(resolveLeadRule([program, own, percent], affiliateId)?.id).toBe(expected)
  })

  it.each([
    [["usd", "eur"], "usd", "3"],
    [["eur", "usd"], "eur", "2.5"],
    [["gbp"], "eur", "2.5"],
  ])("pays in the first preferred currency the rule names (%j)", (currencies, currency, amount) => {
    const paid = leadCommission(program, currencies)!
    expect(paid.currency_code).toBe(currency)
    expect(paid.amount.toString()).toBe(amount)
  })

  it("rounds to the currency's precision", () => {
    expect(leadCommission(own, ["jpy"])!.amount.toString()).toBe("500")
  })
})
