import { z } from "@medusajs/framework/zod"
import { parseTargetUrl, isOnStore } from "../../../modules/affiliate/utils/target-url"
import { amount, checkPrecision, day, id, isRealDate, jsonObject, listParams, text } from "../validators"

const messageOf = (schema: z.ZodTypeAny, value: unknown) => {
  const result = z.object({ field: schema }).strict().safeParse({ field: value })
  return result.success ? null : result.error.issues[0].message
}

describe("input building blocks", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["0001-01-01", false],
    ["1969-12-31", false],
    ["1970-01-01", true],
    ["9999-12-31", true],
    ["2026-03-01T10:00:00Z", true],
    ["2026-02-30T10:00:00Z", false],
    ["abc", false],
  ])("isRealDate(%s) is %s", (value, expected) => {
    expect(isRealDate(value)).toBe(expected)
  })

  it("names the field in every refusal", () => {
    expect(messageOf(text(10), "a\u0000b")).toBe("field: must not contain control characters")
    expect(messageOf(text(10), "a\ud800")).toBe("field: must not contain control characters")
    expect(messageOf(text(20, { multiline: true }), "line\nline\ttab")).toBeNull()
    expect(messageOf(text(3), "abcd")).toBe("field: at most 3 characters")
    expect(messageOf(id(), "x".repeat(65))).toMatch(/^field: an id of 1 to 64/)
    expect(messageOf(id(), "order_01J")).toBeNull()
    expect(messageOf(amount(), 1e308)).toMatch(/^field: must be at most 1000000000000/)
    expect(messageOf(amount(), -1e12)).toBeNull()
    expect(messageOf(day(), "2026-02-30")).toMatch(/^field: not a real date/)
    expect(messageOf(jsonObject(), { a: { b: { c: { d: { e: { f: 1 } } } } } })).toMatch(/^field: JSON at most 5 levels/)
    expect(messageOf(jsonObject(), { a: "x".repeat(20_000) })).toBe("field: at most 16384 bytes")
  })

  it("checks an amount's decimals against its currency", () => {
    const schema = z.object({ amount: z.number(), currency_code: z.string() }).superRefine((body, ctx) =>
      checkPrecision(ctx, body.amount, body.currency_code, ["amount"])
    )
    expect(schema.safeParse({ amount: 10.01, currency_code: "usd" }).success).toBe(true)
    expect(schema.safeParse({ amount: 10.001, currency_code: "usd" }).error?.issues[0].message).toBe(
      "amount: 10.001 has more decimals than USD allows"
    )
    expect(schema.safeParse({ amount: 1.5, currency_code: "jpy" }).success).toBe(false)
    expect(schema.safeParse({ amount: 1.005, currency_code: "kwd" }).success).toBe(true)
  })

  it("bounds limit, offset and order", () => {
    const schema = z.object(listParams({ limit: 20, orderable: ["created_at"] })).strict()
    expect(schema.parse({})).toEqual({ limit: 20, offset: 0 })
    expect(schema.parse({ limit: "5", offset: "10", order: "-created_at" })).toEqual({ limit: 5, offset: 10, order: "-created_at" })
    for (const query of [{ limit: "-1" }, { limit: "0" }, { limit: "1001" }, { limit: "5abc" }, { offset: "-5" }, { order: "nonexistent" }]) {
      expect(schema.safeParse(query).success).toBe(false)
    }
  })

  it("parses a link target once and keeps it on the store's origin", () => {
    const store = new URL("http://localhost:8000")
    for (const bad of ["http://localhost:8000.evil.com", "http://localhost:8000%40evil.com", "//evil.com", "/\\evil.com", "javascript:alert(1)", "http://a@localhost:8000/"]) {
      expect(isOnStore(bad, store)).toBe(false)
    }
    expect(parseTargetUrl("http://localhost:8000.evil.com")).toBeNull()
    expect(isOnStore("https://localhost:8000/", store)).toBe(false)
    expect(isOnStore("https://evil.com/", store)).toBe(false)
    expect(isOnStore("/products/x?y=1", store)).toBe(true)
    expect(isOnStore("http://localhost:8000/sale", store)).toBe(true)
  })
})
