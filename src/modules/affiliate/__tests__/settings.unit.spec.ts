import { DEFAULT_SETTINGS, mergeSettings, minimumPayoutFor, ProgramSettingsPatchSchema } from "../settings"

describe("program settings", () => {
  it("merges options and stored changes over the defaults, nested groups field by field", () => {
    const options = { hold_days: 14, fraud: { max_conversion_rate: 40 }, secret: "not-a-setting" } as any
    const stored = { hold_days: 7, fraud: { min_clicks_for_conversion_check: 5 }, exclude_from_base: { shipping: false } }
    const merged = mergeSettings(options, stored)
    expect(merged.hold_days).toBe(7)
    expect(merged.fraud).toEqual({ max_clicks_per_ip_per_day: 100, max_conversion_rate: 40, min_clicks_for_conversion_check: 5 })
    expect(merged.exclude_from_base).toEqual({ shipping: false, tax: true, discounts: true, gift_cards: true })
    expect(merged).not.toHaveProperty("secret")
    // The defaults themselves are never changed by a merge.
    expect(DEFAULT_SETTINGS.hold_days).toBe(30)
    expect(DEFAULT_SETTINGS.fraud.max_conversion_rate).toBe(50)
  })

  it.each([
    [0, "usd", 0],
    [50, "jpy", 50],
    [{ usd: 100, eur: 90 }, "EUR", 90],
    [{ usd: 100 }, "gbp", 0],
  ])("minimum payout %j in %s is %d", (minimum, currency, expected) => {
    expect(minimumPayoutFor(mergeSettings({ minimum_payout: minimum }), currency)).toBe(expected)
  })

  it.each([
    [{ fraud: { max_conversion_rate: 0 } }, "fraud.max_conversion_rate"],
    [{ click_retention_days: 0 }, "click_retention_days"],
    [{ exclude_from_base: { freight: true } }, "exclude_from_base"],
    [{ no_negative_carryover: "yes" }, "no_negative_carryover"],
    [{ registration_mode: "open" }, "registration_mode"],
    [{ portal_terms: "x".repeat(50_001) }, "portal_terms"],
    [{ portal_help_text: "tab\tok but not \u0007" }, "portal_help_text"],
  ])("refuses %j", (patch, field) => {
    const result = ProgramSettingsPatchSchema.safeParse(patch)
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error!.issues[0].path.concat((result.error!.issues[0] as any).keys ?? []))).toContain(
      field.split(".").pop()!
    )
  })
})
