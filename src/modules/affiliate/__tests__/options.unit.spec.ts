import fs from "fs"
import os from "os"
import path from "path"
import validateOptionsLoader from "../loaders/validate-options"
import { parseAffiliateOptions, resolveAffiliateOptions } from "../options"

const STRONG = "0123456789abcdef0123456789abcdef"
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "affiliate-options-"))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let n = 0
/** A development environment whose generated secret goes to a fresh file. */
const dev = (env: Record<string, string | undefined> = {}) => ({
  env: { NODE_ENV: "development", ...env },
  devSecretFile: path.join(tmp, `install-${++n}`, "secret"),
})
const production = (env: Record<string, string | undefined> = {}) => ({
  env: { NODE_ENV: "production", STORE_URL: "https://shop.example.com", ...env },
  devSecretFile: path.join(tmp, "never-written"),
})

describe("parseAffiliateOptions", () => {
  it("fills every default when no options are given", () => {
    const options = parseAffiliateOptions(undefined, dev())
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
    expect(() => parseAffiliateOptions(input, dev())).toThrow(`Invalid affiliate plugin option "${name}"`)
  })
})

describe("the secret", () => {
  it("is the option, else AFFILIATE_SECRET; never JWT_SECRET", () => {
    expect(parseAffiliateOptions({ secret: STRONG }, dev({ AFFILIATE_SECRET: "x".repeat(40) })).secret).toEqual(STRONG)
    expect(parseAffiliateOptions({}, dev({ AFFILIATE_SECRET: "x".repeat(40) })).secret).toEqual("x".repeat(40))
    expect(parseAffiliateOptions({}, dev({ JWT_SECRET: "y".repeat(40) })).secret).not.toEqual("y".repeat(40))
  })

  it.each([
    ["nothing", {}, {}, "(it is not set)"],
    ["an empty AFFILIATE_SECRET", {}, { AFFILIATE_SECRET: "" }, "(it is not set)"],
    ["only JWT_SECRET", {}, { JWT_SECRET: STRONG }, "(it is not set)"],
    ["an 11-character AFFILIATE_SECRET", {}, { AFFILIATE_SECRET: "abcdefghijk" }, "(it has 11)"],
    ["a 31-character option", { secret: STRONG.slice(1) }, {}, "(it has 31)"],
  ])("stops a production boot given %s, naming the option", (_what, input, env, detail) => {
    expect(() => parseAffiliateOptions(input, production(env))).toThrow(
      "medusa-plugin-affiliate: option `secret` (or AFFILIATE_SECRET) must be at least 32 characters in production " +
        detail
    )
  })

  it("accepts 32 characters in production, with no warning", () => {
    const { options, warnings } = resolveAffiliateOptions({ secret: STRONG }, production())
    expect(options.secret).toEqual(STRONG)
    expect(warnings).toEqual([])
  })

  it("refuses a short AFFILIATE_SECRET in development too", () => {
    expect(() => parseAffiliateOptions({}, dev({ AFFILIATE_SECRET: "abcdefghijk" }))).toThrow(
      "medusa-plugin-affiliate: AFFILIATE_SECRET must be at least 16 characters"
    )
  })

  it("in development, generates one per install, keeps it in a file and warns", () => {
    const environment = dev()
    const first = resolveAffiliateOptions({}, environment)
    expect(first.options.secret.length).toBeGreaterThanOrEqual(32)
    expect(first.warnings).toEqual([
      expect.stringContaining(
        `medusa-plugin-affiliate: option \`secret\` (or AFFILIATE_SECRET) is not set: using a secret generated for this install, kept in ${environment.devSecretFile}`
      ),
    ])
    expect(fs.readFileSync(environment.devSecretFile, "utf8").trim()).toEqual(first.options.secret)
    expect((fs.statSync(environment.devSecretFile).mode & 0o777).toString(8)).toEqual("600")
    // Another install gets another secret.
    expect(parseAffiliateOptions({}, dev()).secret).not.toEqual(first.options.secret)
  })

  it("in development, reads the secret a previous run generated (tokens survive a restart)", () => {
    const environment = dev()
    fs.mkdirSync(path.dirname(environment.devSecretFile), { recursive: true })
    fs.writeFileSync(environment.devSecretFile, `${STRONG}\n`)
    expect(parseAffiliateOptions({}, environment).secret).toEqual(STRONG)
  })
})

describe("store_url", () => {
  it("warns in production when it is not set, naming the option", () => {
    const { options, warnings } = resolveAffiliateOptions(
      { secret: STRONG },
      { ...production(), env: { NODE_ENV: "production" } }
    )
    expect(options.store_url).toEqual("http://localhost:8000")
    expect(warnings).toEqual([
      "medusa-plugin-affiliate: option `store_url` (or STORE_URL) is not set: /r/CODE redirect links send " +
        "visitors to http://localhost:8000. Set it to your storefront's URL.",
    ])
  })

  it("takes STORE_URL, and refuses one that is not a URL", () => {
    expect(parseAffiliateOptions({}, dev({ STORE_URL: "https://shop.example.com" })).store_url).toEqual(
      "https://shop.example.com"
    )
    expect(() => parseAffiliateOptions({}, dev({ STORE_URL: "shop" }))).toThrow("STORE_URL must be a URL")
  })
})

describe("the module's loader", () => {
  const original = { ...process.env }
  afterEach(() => {
    process.env = { ...original }
  })

  it("stops a production boot without a secret", async () => {
    process.env.NODE_ENV = "production"
    delete process.env.AFFILIATE_SECRET
    await expect(validateOptionsLoader({ options: {}, logger: { warn: jest.fn() } } as any)).rejects.toThrow(
      "option `secret` (or AFFILIATE_SECRET) must be at least 32 characters in production"
    )
  })

  it("logs the warnings of a production boot", async () => {
    process.env.NODE_ENV = "production"
    delete process.env.STORE_URL
    const warn = jest.fn()
    await validateOptionsLoader({ options: { secret: STRONG }, logger: { warn } } as any)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("option `store_url` (or STORE_URL) is not set"))
  })
})
