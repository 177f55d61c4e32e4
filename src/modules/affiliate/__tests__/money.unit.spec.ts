import { currencyPrecision, percentOf, roundAmount } from "../utils/money"
import { commissionBase, saleCommission } from "../utils/sale-commission"

describe("currencyPrecision", () => {
  it.each([
    ["usd", 2],
    ["EUR", 2],
    ["jpy", 0],
    ["krw", 0],
    ["kwd", 3],
    ["bhd", 3],
  ])("%s has %i decimals", (code, decimals) => {
    expect(currencyPrecision(code)).toBe(decimals)
  })

  it("falls back to 2 decimals for a code Intl doesn't know", () => {
    expect(currencyPrecision("zzz")).toBe(2)
  })
})

describe("roundAmount", () => {
  it.each([
    ["10.005", "usd", "10.01"],
    ["10.004", "usd", "10"],
    ["-10.005", "usd", "-10.01"],
    ["1234.5", "jpy", "1235"],
    ["1234.4", "jpy", "1234"],
    ["1.2345", "kwd", "1.235"],
    // Floats would give 0.30000000000000004 here.
    [0.1 + 0.2, "usd", "0.3"],
  ])("rounds %s %s to %s", (amount, currency, expected) => {
    expect(roundAmount(amount as any, currency).toString()).toBe(expected)
  })

  it("rounds a value and its negation symmetrically", () => {
    const line = roundAmount("3.335", "usd")
    const reversal = roundAmount("-3.335", "usd")
    expect(line.plus(reversal).toNumber()).toBe(0)
  })
})

describe("percentOf", () => {
  it.each([
    [100, 10, "usd", "10"],
    [19.99, 15, "usd", "3"], // 2.9985
    [33.33, 12.5, "usd", "4.17"], // 4.16625
    [1999, 7, "jpy", "140"], // 139.93
    [10.001, 10, "kwd", "1"], // 1.0001
  ])("%s at %s%% in %s is %s", (base, rate, currency, expected) => {
    expect(percentOf(base, rate, currency).toString()).toBe(expected)
  })
})

describe("commissionBase", () => {
  it("sums item subtotals after discounts, ignoring nothing else", () => {
    const base = commissionBase(
      [
        { subtotal: 50, discount_subtotal: 5 },
        { subtotal: 20.1, discount_subtotal: 0 },
        { subtotal: 9.99 },
      ],
      "usd"
    )
    expect(base.toString()).toBe("75.09")
  })

  it("is never negative when discounts exceed the items", () => {
    expect(commissionBase([{ subtotal: 10, discount_subtotal: 12 }], "usd").toString()).toBe("0")
  })

  it("is zero for an order without items", () => {
    expect(commissionBase([], "eur").toString()).toBe("0")
  })
})

describe("saleCommission", () => {
  it("pays the rate on the base, rounded once", () => {
    const { base, amount } = saleCommission(
      [
        { subtotal: 10.01, discount_subtotal: 0 },
        { subtotal: 10.01, discount_subtotal: 0 },
      ],
      10,
      "usd"
    )
    expect(base.toString()).toBe("20.02")
    // 2.002 → 2, not 1.00 + 1.00 rounded per item.
    expect(amount.toString()).toBe("2")
  })
})
