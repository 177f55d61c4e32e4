import { currencyPrecision, roundAmount } from "../utils/money"

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
