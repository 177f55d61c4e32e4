import { parseAffiliateOptions } from "../options"

describe("parseAffiliateOptions", () => {
  it("fills every default when no options are given", () => {
    const options = parseAffiliateOptions(undefined)
    expect(options).toMatchObject({
      attribution_window_days: 30,
      hold_days: 30,
      default_commission_rate: 10,
      minimum_payout: 0,
      referral_param: "ref",
      attribution_model: "last_click",
    })
    expect(options.secret.length).toBeGreaterThan(0)
  })

  it("accepts a minimum payout per currency", () => {
    expect(parseAffiliateOptions({ minimum_payout: { usd: 100, eur: 90 } }).minimum_payout).toEqual({
      usd: 100,
      eur: 90,
    })
  })

  it.each([
    [{ hold_days: -1 }, "hold_days"],
    [{ attribution_window_days: 0 }, "attribution_window_days"],
    [{ attribution_window_days: "30" }, "attribution_window_days"],
    [{ default_commission_rate: 150 }, "default_commission_rate"],
    [{ minimum_payout: -5 }, "minimum_payout"],
    [{ attribution_model: "linear" }, "attribution_model"],
    [{ secret: "short" }, "secret"],
    [{ hold_dayz: 3 }, "hold_dayz"],
  ])("refuses %j, naming %s", (input, name) => {
    expect(() => parseAffiliateOptions(input)).toThrow(`Invalid affiliate plugin option "${name}"`)
  })
})
