import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { createAffiliateWithCode } from "../helpers/affiliates"
import { storeHeaders } from "../helpers/checkout"
import { setUpDemoStore } from "../helpers/demo-suite"

jest.setTimeout(240_000)

// Issue 9, defects 5, 6, 8, 9 and 12: inputs that answered 500 or were
// accepted unbounded. Each answers 400 naming the field, and writes nothing.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response ?? Promise.reject(e))
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const count = async (table: string) => Number((await knex().raw(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n)

    async function registerPartner(email = "pat@partners.test") {
      const { data: registered } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
      await api.post("/affiliate-account/register", { name: "Pat" }, { headers: { authorization: `Bearer ${registered.token}` } })
      const { data: login } = await api.post("/auth/affiliate/emailpass", { email, password: "supersecret" })
      const auth = { headers: { authorization: `Bearer ${login.token}` } }
      const { data } = await api.get("/affiliate/me", auth)
      await api.post(`/admin/affiliates/${data.affiliate.id}/approve`, {}, admin)
      // Approval gives the partner a code from their name: PAT.
      const { data: approved } = await api.get(`/admin/affiliates/${data.affiliate.id}`, admin)
      expect(approved.affiliate.codes.map((c: { code: string }) => c.code)).toContain("PAT")
      return { id: data.affiliate.id as string, auth }
    }

    describe("defect 5: report dates", () => {
      it.each([
        ["from=2026-02-30", "from: not a real date"],
        ["to=2026-04-31", "to: not a real date"],
        ["from=0001-01-01&to=0001-01-31", "from: not a real date"],
        ["from=2026-13-01", "from: not a real date"],
        ["from=20260-01-01", "from: use YYYY-MM-DD"],
        ["to=1970-01-10", "from: 1969-12-12 is not a real date"],
      ])("admin and partner refuse %s with a 400 naming the field", async (query, message) => {
        const partner = await registerPartner()
        for (const path of ["/admin/affiliate-reports", "/admin/affiliate-reports/summary"]) {
          const response = await errorOf(api.get(`${path}?${query}`, admin))
          expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        }
        for (const path of ["/affiliate/reports", "/affiliate/reports/summary"]) {
          const response = await errorOf(api.get(`${path}?${query}`, partner.auth))
          expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        }
      })

      it("still answers a real range, its previous period included, at the edge of the bound", async () => {
        const { data } = await api.get("/admin/affiliate-reports/summary?from=1970-01-01&to=1970-01-31", admin)
        expect(data.summary.previous).toMatchObject({ from: "1969-12-01", to: "1969-12-31" })
        const leap = await api.get("/admin/affiliate-reports?from=2028-02-29&to=2028-03-01", admin)
        expect(leap.data).toMatchObject({ from: "2028-02-29", to: "2028-03-01" })
      })
    })

    describe("defect 6: link target_url", () => {
      const bad = [
        "http://localhost:8000.evil.com",
        "http://localhost:8000%40evil.com",
        "http://localhost:8000@evil.com/",
        "//evil.com/login",
        "/\\evil.com",
        "https://localhost:8000/",
        "http://localhost:8000/a\u0000b",
      ]

      it.each(bad)("refuses %j on the admin and partner link routes", async (target_url) => {
        const partner = await registerPartner()
        const { data: own } = await api.post("/affiliate/links", { sub_id: "own" }, partner.auth)
        const before = await count("affiliate_referral_link")
        const requests = [
          () => api.post("/affiliate/links", { sub_id: "new", target_url }, partner.auth),
          () => api.post(`/affiliate/links/${own.referral_link.id}`, { target_url }, partner.auth),
          () => api.post(`/admin/affiliate-links/${own.referral_link.id}`, { target_url }, admin),
          () => api.post(`/admin/affiliates/${partner.id}/links`, { sub_id: "adm", target_url }, admin),
        ]
        for (const request of requests) {
          const response = await errorOf(request())
          expect([response.status, response.data.message]).toEqual([400, expect.stringContaining("target_url")])
        }
        expect(await count("affiliate_referral_link")).toBe(before)
        const { data } = await api.get("/affiliate/links", partner.auth)
        expect(data.referral_links.map((link: any) => link.target_url)).toEqual([null])
      })

      it("accepts a path and a URL on the store's origin", async () => {
        const partner = await registerPartner()
        for (const [sub_id, target_url] of [["p", "/products/shirt?x=1#top"], ["u", "http://localhost:8000/sale"]]) {
          const { data } = await api.post("/affiliate/links", { sub_id, target_url }, partner.auth)
          expect(data.referral_link.target_url).toBe(target_url)
        }
      })
    })

    describe("defect 8: control characters and list parameters", () => {
      it("refuses a NUL byte in a text field of every body kind with a 400 naming the field", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const before = await count("affiliate_click")
        const click = await errorOf(
          api.post("/store/referrals/clicks", { code: "ADA10", utm_source: "a\u0000b" }, storeHeaders(store.publishableKey))
        )
        expect([click.status, click.data.message]).toEqual([400, "Invalid request: utm_source: must not contain control characters"])
        expect(await count("affiliate_click")).toBe(before)

        const cases: [string, any, string][] = [
          [`/admin/affiliates/${affiliate.id}`, { company: "x\u0000" }, "company: must not contain control characters"],
          [`/admin/affiliates/${affiliate.id}`, { metadata: { note: "x\u0000" } }, "metadata: JSON"],
          [`/admin/affiliates/${affiliate.id}`, { name: "x".repeat(256) }, "field 'name' too big"],
          ["/admin/affiliates", { name: "A\u0007", email: "a@b.test" }, "name: must not contain control characters"],
          ["/admin/affiliate-rules", { scope: "program", rate: 5, name: "\u0000" }, "name: must not contain control characters"],
          [`/admin/affiliates/${affiliate.id}/codes`, { code: "NEWONE", metadata: { "k\u0000": 1 } }, "metadata: JSON"],
        ]
        for (const [path, body, message] of cases) {
          const response = await errorOf(api.post(path, body, admin))
          expect([path, response.status, response.data.message]).toEqual([path, 400, expect.stringContaining(message)])
        }
        const { data } = await api.get(`/admin/affiliates/${affiliate.id}`, admin)
        expect(data.affiliate).toMatchObject({ company: null, metadata: null, name: "Partner ADA10" })
      })

      it.each([
        ["limit=-1", "limit"],
        ["limit=100000", "limit"],
        ["offset=-5", "offset"],
        ["order=nonexistent", "order"],
        ["created_at[$gte]=abc", "created_at"],
        ["fields=%00", "fields"],
      ])("refuses %s on the list routes", async (query, field) => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const lists = [
          "/admin/affiliates",
          `/admin/affiliates/${affiliate.id}/codes`,
          "/admin/affiliate-commissions",
          "/admin/affiliate-payouts",
          "/admin/affiliate-rules",
        ]
        for (const path of lists) {
          if (query.startsWith("created_at") && !/commissions|payouts/.test(path)) continue
          const response = await errorOf(api.get(`${path}?${query}`, admin))
          expect([path, response.status, response.data.message]).toEqual([path, 400, expect.stringContaining(field)])
        }
      })

      it("leaves out of a list any field it doesn't serve", async () => {
        await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const { data } = await api.get("/admin/affiliates?fields=id,secret_column,codes.*", admin)
        expect(Object.keys(data.affiliates[0])).toEqual(["id"])
      })

      it("refuses malformed path parameters with a 400 naming them", async () => {
        for (const path of ["/admin/affiliates/a%00b", `/admin/affiliates/${"x".repeat(65)}/balances`, "/admin/affiliate-rules/%F0%9F%98%80"]) {
          const response = await errorOf(api.get(path, admin))
          expect([path, response.status, response.data.message]).toEqual([path, 400, expect.stringContaining("id: not a valid id")])
        }
        const code = await errorOf(api.get("/store/referrals/codes/%0d%0aX", storeHeaders(store.publishableKey)))
        expect([code.status, code.data.message]).toEqual([400, expect.stringContaining("code: not a valid code")])
      })
    })

    describe("defect 9: money and identifiers", () => {
      it("refuses amounts over the ceiling, too many decimals and currencies the store doesn't have", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const adjustment = (body: any) => api.post(`/admin/affiliates/${affiliate.id}/adjustments`, { type: "adjustment", reason: "test", ...body }, admin)
        const payout = (body: any) => api.post(`/admin/affiliates/${affiliate.id}/payouts`, { allow_exceeding_balance: true, ...body }, admin)
        const cases: [() => Promise<unknown>, string][] = [
          [() => payout({ amount: 1e308, currency_code: "usd" }), "amount: must be at most 1000000000000"],
          [() => payout({ amount: 10.001, currency_code: "usd" }), "amount: 10.001 has more decimals than USD allows"],
          [() => adjustment({ amount: 1e308, currency_code: "usd" }), "amount: must be at most 1000000000000"],
          [() => adjustment({ amount: -1e308, currency_code: "usd" }), "amount: must be at most 1000000000000"],
          [() => adjustment({ amount: 1.5, currency_code: "jpy" }), "amount: 1.5 has more decimals than JPY allows"],
          [() => adjustment({ amount: 5, currency_code: "NaN" }), "currency_code: NaN is not a currency of this store (eur, usd)"],
          [() => adjustment({ amount: 5, currency_code: "usd", order_id: "o".repeat(90_000) }), "order_id"],
          [() => adjustment({ amount: 5, currency_code: "usd", order_id: "order 1" }), "order_id: an id of 1 to 64"],
          [() => payout({ amount: 5, currency_code: "gbp" }), "currency_code: gbp is not a currency of this store"],
          [() => api.post("/admin/affiliate-rules", { scope: "program", kind: "fixed_order", amounts: { xyz: 5 } }, admin), "amounts.xyz: xyz is not a currency"],
          [() => api.post("/admin/affiliate-rules", { scope: "program", kind: "fixed_order", amounts: { usd: 1e13 } }, admin), "amounts.usd: must be at most"],
          [() => api.post("/admin/affiliate-settings", { minimum_payout: { nan: 5 } }, admin), "minimum_payout.nan: nan is not a currency"],
          [() => api.post("/admin/affiliate-settings", { hold_days: 1e308 }, admin), "hold_days"],
          [() => api.post(`/admin/affiliates/${affiliate.id}/codes`, { code: "PROMO", promotion_id: "p".repeat(90_000) }, admin), "promotion_id"],
        ]
        for (const [request, message] of cases) {
          const response = await errorOf(request())
          expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        }
        expect(await count("affiliate_commission_line")).toBe(0)
        expect(await count("affiliate_payout")).toBe(0)
        expect(await count("affiliate_commission_rule")).toBe(0)
        expect((await api.get("/admin/affiliate-settings", admin)).data.overrides).toEqual({})
        expect((await api.get(`/admin/affiliates/${affiliate.id}/codes`, admin)).data.referral_codes).toHaveLength(1)
      })

      it("still accepts the largest amount, in a currency of the store", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const { data } = await api.post(
          `/admin/affiliates/${affiliate.id}/adjustments`,
          { type: "bonus", amount: 1e12, currency_code: "EUR", reason: "ceiling" },
          admin
        )
        expect(data.commission_line).toMatchObject({ amount: 1e12 })
      })
    })

    describe("defect 12: partner sign-up", () => {
      it("answers alike whether or not the email is already a partner's", async () => {
        await createAffiliateWithCode(api, admin, { code: "KNOWN", email: "known@partners.test" })
        const signUp = async (email: string) => {
          const { data } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
          const response = await api.post("/affiliate-account/register", { name: "Someone" }, { headers: { authorization: `Bearer ${data.token}` } })
          return { status: response.status, data: { ...response.data, application: { ...response.data.application, email: "*" } } }
        }
        const known = await signUp("known@partners.test")
        const unknown = await signUp("unknown@partners.test")
        expect(known).toEqual(unknown)
        expect(known.status).toBe(202)
        const { rows } = await knex().raw("SELECT email FROM affiliate ORDER BY email")
        expect(rows.map((row: any) => row.email)).toEqual(["known@partners.test", "unknown@partners.test"])
      })
    })
  },
})
