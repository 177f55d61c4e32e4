import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { afterSubscribers, createAffiliateWithCode, orderLines } from "../helpers/affiliates"
import { registerCustomer, storeHeaders } from "../helpers/checkout"
import { BROWSER, STORE_URL } from "../helpers/visits"

jest.setTimeout(240_000)


// Tracking at scale (C1, C2, C8, J1) and the reports read from the daily
// read model (G7, H2, H4), checked against the raw rows.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const clicks = async () => (await knex().raw("SELECT * FROM affiliate_click ORDER BY created_at")).rows as any[]
    const visit = (path: string, userAgent = BROWSER) =>
      api.get(path, { headers: { "user-agent": userAgent }, maxRedirects: 0, validateStatus: (status: number) => status === 302 } as any)
    const redirectTarget = (response: any) => new URL(response.headers.location)

    describe("redirect links /r/CODE[/SUBID]", () => {
      it("records the click and sends the visitor to the store with the code, a token and the shared UTM tags", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const response = await visit("/r/ada10?utm_source=instagram&utm_campaign=spring&fbclid=xyz")
        const target = redirectTarget(response)
        expect(target.origin).toBe(STORE_URL)
        expect(target.pathname).toBe("/")
        expect(Object.fromEntries(target.searchParams)).toEqual({
          ref: "ADA10",
          affiliate_token: expect.stringMatching(/^afclk_/),
          utm_source: "instagram",
          utm_campaign: "spring",
          fbclid: "xyz",
        })
        expect(response.headers["cache-control"]).toBe("no-store")
        expect(await clicks()).toEqual([
          expect.objectContaining({ affiliate_id: affiliate.id, utm_source: "instagram", utm_campaign: "spring", sub_id: null }),
        ])

        // The token attributes a cart like a click recorded by the storefront.
        const token = target.searchParams.get("affiliate_token")!
        const order = await placeReferredOrderWithToken(token)
        expect(await orderLines(api, admin, order.id)).toEqual([
          expect.objectContaining({ affiliate_id: affiliate.id, source: "link", amount: 2 }),
        ])
      })

      it("follows a sub-id link to its target page with its UTM tags, the visit's own tags winning", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "GRACE" })
        const { data } = await api.post(
          `/admin/affiliates/${affiliate.id}/links`,
          { sub_id: "insta", name: "Instagram bio", target_url: "/products/t-shirt", utm_medium: "social", utm_campaign: "bio" },
          admin
        )
        expect(data.referral_link).toMatchObject({ code: "GRACE", sub_id: "insta", path: "/r/GRACE/insta" })

        const target = redirectTarget(await visit("/r/GRACE/insta?utm_campaign=story"))
        expect(target.pathname).toBe("/products/t-shirt")
        expect(target.searchParams.get("utm_medium")).toBe("social")
        expect(target.searchParams.get("utm_campaign")).toBe("story")
        expect(await clicks()).toEqual([
          expect.objectContaining({ link_id: data.referral_link.id, sub_id: "insta", utm_medium: "social", utm_campaign: "story" }),
        ])
      })

      it("still lands an unknown code's visitor on the store, without attribution", async () => {
        const response = await visit("/r/NOPE?utm_source=x")
        expect(response.headers.location).toBe(`${STORE_URL}/?utm_source=x`)
        expect(response.headers["x-affiliate-refusal"]).toBe("unknown_code")
        expect(await clicks()).toEqual([])
      })

      // I9 defect 4: the code was echoed into a header, and Node refuses these characters there.
      it.each(["%E2%9C%93", "%F0%9F%98%80", "%0d%0aX:1", "%0d%0aX:1/sub", "ADA10%00"])(
        "redirects a code Node can't put in a header (/r/%s), naming only the reason",
        async (code) => {
          await createAffiliateWithCode(api, admin, { code: "ADA10" })
          const response = await visit(`/r/${code}?utm_source=x`)
          expect(response.headers.location).toBe(`${STORE_URL}/?utm_source=x`)
          expect(response.headers["x-affiliate-refusal"]).toBe("invalid_code")
          expect(response.headers.x).toBeUndefined()
          expect(await clicks()).toEqual([])
        }
      )

      // I9 defect 7: a code longer than MAX_CODE_LENGTH never reaches the database or the code cache.
      it("redirects an overlong code without looking it up, and the click route refuses it (400)", async () => {
        const service = getContainer().resolve("affiliate") as any
        const cached = () => service.tracker_.codeCache_.size
        const before = cached()
        const long = "A".repeat(12 * 1024)
        for (const path of [`/r/${long}`, `/r/${"B".repeat(65)}`, `/r/${long}/sub`]) {
          const response = await visit(path)
          expect(response.headers.location).toBe(`${STORE_URL}/`)
          expect(response.headers["x-affiliate-refusal"]).toBe("invalid_code")
        }
        expect(cached()).toEqual(before)
        expect(await service.resolveCode("C".repeat(65))).toBeNull()
        expect(cached()).toEqual(before)

        const refused = await errorOf(
          api.post("/store/referrals/clicks", { code: "D".repeat(65) }, storeHeaders(store.publishableKey))
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("code")
        // A code of exactly the maximum is looked up (and, unknown, kept among the few "not found" answers).
        await visit(`/r/${"E".repeat(64)}`)
        expect(cached()).toEqual({ ...before, missing: before.missing + 1 })
        expect(await clicks()).toEqual([])
      })

      it("counts one visitor's repeat clicks on a link within the hour once, with the first click's token", async () => {
        await createAffiliateWithCode(api, admin, { code: "ONCE" })
        const first = redirectTarget(await visit("/r/ONCE"))
        const again = redirectTarget(await visit("/r/ONCE"))
        expect(again.searchParams.get("affiliate_token")).toBe(first.searchParams.get("affiliate_token"))
        // Another browser, and another sub-id, are other clicks.
        await visit("/r/ONCE", BROWSER.replace("124.0", "125.0"))
        await visit("/r/ONCE/newsletter")
        expect(await clicks()).toHaveLength(3)

        const { data } = await api.post("/store/referrals/clicks", { code: "ONCE" }, storeHeaders(store.publishableKey))
        const { data: repeat } = await api.post("/store/referrals/clicks", { code: "ONCE" }, storeHeaders(store.publishableKey))
        expect(data.referral_click.counted).toBe(true)
        expect(repeat.referral_click).toMatchObject({ counted: false, id: data.referral_click.id, token: data.referral_click.token })
        expect(await clicks()).toHaveLength(4)
      })

      it("counts a repeat again once an hour has passed since the last counted click, whatever the clock hour", async () => {
        await createAffiliateWithCode(api, admin, { code: "HOURLY" })
        await visit("/r/HOURLY")
        const [click] = await clicks()
        // The token names the click it stands for, then its expiry and signature.
        const clickOf = (response: any) => redirectTarget(response).searchParams.get("affiliate_token")!.split(".")[0]
        // As if that click was 59 minutes ago, in the previous clock hour.
        const backdate = (minutes: number) =>
          knex().raw(
            `UPDATE affiliate_click SET created_at = now() - make_interval(mins => ?), dedupe_key = 'earlier-hour' WHERE id = ?`,
            [minutes, click.id]
          )
        await backdate(59)
        expect(clickOf(await visit("/r/HOURLY"))).toBe(click.id)
        expect(await clicks()).toHaveLength(1)

        await backdate(61)
        expect(clickOf(await visit("/r/HOURLY"))).not.toBe(click.id)
        expect(await clicks()).toHaveLength(2)
      })

      it("records a redirect's click under the store's default sales channel, and refuses a code limited to another", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CHANNEL" })
        await visit("/r/CHANNEL")
        expect(await clicks()).toEqual([expect.objectContaining({ sales_channel_id: store.salesChannelId })])

        const { data } = await api.post("/admin/sales-channels", { name: "Wholesale" }, admin)
        await api.post(`/admin/affiliates/${affiliate.id}`, { sales_channel_ids: [data.sales_channel.id] }, admin)
        const refused = await visit("/r/CHANNEL", BROWSER + " other")
        expect(redirectTarget(refused).searchParams.get("affiliate_token")).toBeNull()
        expect(refused.headers["x-affiliate-refusal"]).toBe("sales_channel_not_allowed")
        expect(await clicks()).toHaveLength(1)
      })

      it.each([
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "",
      ])("doesn't count a bot (%j) but still redirects it", async (agent) => {
        await createAffiliateWithCode(api, admin, { code: "BOTS" })
        const target = redirectTarget(await visit("/r/BOTS", agent))
        expect(target.searchParams.get("ref")).toBe("BOTS")
        expect(target.searchParams.get("affiliate_token")).toBeNull()
        expect(await clicks()).toEqual([])
      })
    })

    describe("referral links through the admin", () => {
      it.each([
        [{ target_url: "https://evil.example.com/login" }, "target_url: must be a path or a URL on the store's domain (localhost:8000)"],
        [{ target_url: "javascript:alert(1)" }, "target_url"],
        [{ sub_id: "has space" }, "sub_id"],
        [{ code_id: "afcode_other" }, "code_id: afcode_other is not a code of affiliate"],
        [{ color: "red" }, "Unrecognized fields: 'color'"],
      ])("refuses %j, writing nothing", async (body, message) => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LINKS" })
        const response = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/links`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
        expect((await api.get(`/admin/affiliates/${affiliate.id}/links`, admin)).data.referral_links).toEqual([])
      })

      it("refuses a second link with the same sub-id, and unknown affiliates and links (404)", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LINKS" })
        await api.post(`/admin/affiliates/${affiliate.id}/links`, { sub_id: "yt" }, admin)
        const taken = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/links`, { sub_id: "yt" }, admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toBe("sub_id: yt already has a link on this code")
        expect((await errorOf(api.post(`/admin/affiliates/aff_missing/links`, {}, admin))).status).toBe(404)
        expect((await errorOf(api.post(`/admin/affiliate-links/aflink_missing`, { name: "x" }, admin))).status).toBe(404)
        expect((await api.get(`/admin/affiliates/${affiliate.id}/links`, admin)).data.referral_links).toHaveLength(1)
      })
    })

    describe("reports", () => {
      it("match the raw rows after clicks, a lead, orders, a refund and a payout, and survive a rebuild and the retention purge", async () => {
        const { affiliate: ada } = await createAffiliateWithCode(api, admin, { code: "ADA" })
        const { affiliate: bob } = await createAffiliateWithCode(api, admin, { code: "BOB" })
        await api.post("/admin/affiliate-rules", { scope: "program", kind: "fixed_lead", amounts: { usd: 1 } }, admin)

        await visit("/r/ADA?utm_campaign=spring")
        await visit("/r/ADA?utm_campaign=spring", BROWSER + " other")
        await visit("/r/ADA?utm_campaign=spring") // repeat: not counted
        await visit("/r/BOB")
        const { data: click } = await api.post("/store/referrals/clicks", { code: "ADA", utm_campaign: "spring" }, storeHeaders(store.publishableKey))
        const shopper = await registerCustomer(api, store.publishableKey, "lead@example.com")
        await api.post(
          "/store/referrals/leads",
          { token: click.referral_click.token },
          storeHeaders(store.publishableKey, { authorization: shopper.authorization })
        )

        const first = await placeReferredOrder(api, getContainer(), store, { code: "ADA", items: [[store.products[0], 2]] })
        await placeReferredOrder(api, getContainer(), store, { code: "BOB", items: [[store.products[1], 1]] })
        await placeReferredOrder(api, getContainer(), store, { code: "ADA", items: [[store.products[2], 1]], currency: "eur" })
        await refund(first.id, 10)
        const adaLines = (await api.get(`/admin/affiliate-commissions?affiliate_id=${ada.id}&type=sale&currency_code=usd`, admin)).data
          .commission_lines
        await api.post("/admin/affiliate-commissions/approve", { ids: adaLines.map((l: any) => l.id), reason: "early" }, admin)
        await api.post(`/admin/affiliates/${ada.id}/payouts`, { currency_code: "usd" }, admin)

        const raw = await rawFigures()
        const byAffiliate = await report("group_by=affiliate")
        for (const affiliate of [ada, bob]) {
          const row = byAffiliate.find((r: any) => r.key === affiliate.id)
          expect(row).toMatchObject(raw[affiliate.id])
        }
        expect(byAffiliate.find((r: any) => r.key === ada.id)).toMatchObject({
          clicks: 3,
          // Two browsers through the redirect, and the storefront's own click.
          unique_visitors: 3,
          leads: 1,
          orders: 2,
          by_currency: { usd: { revenue: 50 }, eur: { revenue: 21 } },
        })
        const [today] = await report("group_by=day")
        expect(today).toMatchObject({ clicks: 4, leads: 1, orders: 3 })
        const campaigns = await report("group_by=utm_campaign")
        expect(campaigns.find((r: any) => r.key === "spring")).toMatchObject({ clicks: 3, leads: 1 })

        // The list of balances (a read model the same refresh keeps) equals the ledger's sums.
        const balances = async () => (await api.get("/admin/affiliate-balances", admin)).data.balances
        const { rows: ledger } = await knex().raw(
          `SELECT affiliate_id, currency_code,
                  COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0)::float AS available,
                  COALESCE(SUM(amount) FILTER (WHERE status IN ('pending', 'on_hold')), 0)::float AS pending,
                  COALESCE(SUM(amount) FILTER (WHERE status = 'paid'), 0)::float AS paid
             FROM affiliate_commission_line GROUP BY 1, 2 ORDER BY 1, 2`
        )
        const listed = await balances()
        expect(listed.map(({ affiliate_id, currency_code, available, pending, paid }: any) => ({ affiliate_id, currency_code, available, pending, paid })))
          .toEqual(ledger)
        expect(listed.find((b: any) => b.affiliate_id === ada.id && b.currency_code === "usd")).toMatchObject({ available: 0, paid: 3.2 })

        // A rebuild from the raw rows gives the same figures.
        await getContainer().resolve("affiliate").rebuildStats()
        expect(await report("group_by=affiliate")).toEqual(byAffiliate)
        expect(await balances()).toEqual(listed)

        // The retention purge, run as if 14 months later, deletes the clicks but no figure.
        const purged = await getContainer().resolve("affiliate").purgeOldClicks(new Date(Date.now() + 430 * 86_400_000))
        expect(purged.deleted).toBe(4)
        expect(await clicks()).toEqual([])
        expect(await report("group_by=affiliate")).toEqual(byAffiliate)
        await getContainer().resolve("affiliate").rebuildStats()
        expect(await report("group_by=affiliate")).toEqual(byAffiliate)
      })

      it("orders top affiliates and compares a period with the previous one", async () => {
        const { affiliate: ada } = await createAffiliateWithCode(api, admin, { code: "ADA" })
        const { affiliate: bob } = await createAffiliateWithCode(api, admin, { code: "BOB" })
        await placeReferredOrder(api, getContainer(), store, { code: "ADA", items: [[store.products[0], 1]] })
        await placeReferredOrder(api, getContainer(), store, { code: "BOB", items: [[store.products[1], 2]] })
        const top = await report("group_by=affiliate&order_by=revenue&currency_code=usd&limit=1")
        expect(top).toEqual([expect.objectContaining({ key: bob.id, by_currency: { usd: expect.objectContaining({ revenue: 90 }) } })])

        const { data } = await api.get(`/admin/affiliate-reports/summary?affiliate_id=${ada.id}`, admin)
        expect(data.summary).toMatchObject({
          // Revenue is the order's total, shipping included: $20 + $10.
          current: { orders: 1, by_currency: { usd: { revenue: 30, commission: { pending: 2, total: 2 }, cost_of_sale: 0.0667 } } },
          previous: { orders: 0 },
          trend: { orders: null },
        })
      })

      it("reads conversion as clicks that led to an order over clicks, with code orders beside it, never over 100 %", async () => {
        const cleo = await registerPartner("cleo@partners.test", "CLEO")
        const token = redirectTarget(await visit("/r/CLEO")).searchParams.get("affiliate_token")!
        await visit("/r/CLEO", BROWSER + " other")
        await placeReferredOrderWithToken(token)
        for (let i = 0; i < 3; i++) {
          await placeReferredOrder(api, getContainer(), store, { code: "CLEO", items: [[store.products[0], 1]] })
        }

        const expected = {
          clicks: 2,
          orders: 4,
          orders_from_clicks: 1,
          orders_from_codes: 3,
          orders_lifetime: 0,
          converted_clicks: 1,
          // 1 of 2 clicks; all orders over clicks would read 200 %.
          conversion_rate: 0.5,
        }
        const { data: admins } = await api.get(`/admin/affiliate-reports/summary?affiliate_id=${cleo.id}`, admin)
        expect(admins.summary.current).toMatchObject(expected)
        const { data: program } = await api.get("/admin/affiliate-reports/summary", admin)
        expect(program.summary.current).toMatchObject(expected)
        for (const query of ["group_by=day", "group_by=affiliate", "group_by=utm_campaign", `group_by=link&affiliate_id=${cleo.id}`]) {
          for (const row of await report(query)) {
            expect(row.converted_clicks).toBeLessThanOrEqual(row.clicks)
            expect(row.conversion_rate ?? 0).toBeLessThanOrEqual(1)
          }
        }
        expect((await report("group_by=affiliate")).find((r: any) => r.key === cleo.id)).toMatchObject(expected)

        // The partner sees the same figures; a rebuild from the raw rows gives them again.
        const { data: own } = await api.get("/affiliate/reports/summary", cleo.auth)
        expect(own.summary.current).toMatchObject(expected)
        const { data: byCode } = await api.get("/affiliate/reports?group_by=code", cleo.auth)
        expect(byCode.rows).toEqual([expect.objectContaining({ key: cleo.codeId, ...expected })])
        await getContainer().resolve("affiliate").rebuildStats()
        expect((await api.get(`/admin/affiliate-reports/summary?affiliate_id=${cleo.id}`, admin)).data.summary.current).toMatchObject(expected)
      })

      it.each([
        ["group_by=partner", "group_by"],
        ["from=2026-13-01", "from"],
        ["from=2026-02-01&to=2026-01-01", "from: 2026-02-01 is after to: 2026-01-01"],
        ["from=2020-01-01&to=2026-01-01", "a report covers at most"],
        ["limit=0", "limit"],
        ["group_by=code", "group_by: code reports are per affiliate; pass affiliate_id"],
        ["foo=1", "foo"],
      ])("refuses ?%s", async (query, message) => {
        const response = await errorOf(api.get(`/admin/affiliate-reports?${query}`, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
      })
    })

    describe("the partner's own reports", () => {
      it("shows each partner only their own figures and links", async () => {
        const ann = await registerPartner("ann@partners.test", "ANN")
        const ben = await registerPartner("ben@partners.test", "BEN")
        await visit("/r/ANN")
        await visit("/r/ANN/blog")
        await visit("/r/BEN")

        const { data: mine } = await api.get("/affiliate/reports/summary", ann.auth)
        expect(mine.summary.current).toMatchObject({ clicks: 2 })
        const { data: theirs } = await api.get("/affiliate/reports/summary", ben.auth)
        expect(theirs.summary.current).toMatchObject({ clicks: 1 })
        const { data: byCode } = await api.get("/affiliate/reports?group_by=code", ann.auth)
        expect(byCode.rows).toEqual([expect.objectContaining({ key: ann.codeId, clicks: 2 })])

        // No way to ask for someone else's figures.
        for (const query of [`affiliate_id=${ben.id}`, "group_by=affiliate"]) {
          const refused = await errorOf(api.get(`/affiliate/reports?${query}`, ann.auth))
          expect(refused.status).toBe(400)
        }
        // Another partner's link is not found.
        const { data: link } = await api.post("/affiliate/links", { sub_id: "yt" }, ben.auth)
        const foreign = await errorOf(api.post(`/affiliate/links/${link.referral_link.id}`, { name: "mine" }, ann.auth))
        expect(foreign.status).toBe(404)
        expect((await errorOf(api.delete(`/affiliate/links/${link.referral_link.id}`, ann.auth))).status).toBe(404)
        expect((await api.get("/affiliate/links", ann.auth)).data.referral_links).toEqual([])
        expect((await api.get("/affiliate/links", ben.auth)).data.referral_links).toEqual([
          expect.objectContaining({ name: null, sub_id: "yt" }),
        ])
      })

      it("answers a sign-up for an email an affiliate already has like any other (creating nothing), refuses a second sign-up and bad bodies", async () => {
        await createAffiliateWithCode(api, admin, { code: "TAKEN", email: "taken@partners.test" })
        const register = async (email: string) =>
          (await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })).data.token as string
        const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
        const countAffiliates = async () => (await api.get("/admin/affiliates", admin)).data.count

        // Issue 9, defect 12: the answer must not tell whether the email is a partner's.
        const taken = await api.post("/affiliate-account/register", { name: "Impostor" }, bearer(await register("taken@partners.test")))
        expect(taken.status).toBe(202)
        expect(taken.data).toEqual({
          application: { email: "taken@partners.test", status: "received" },
          message: expect.any(String),
        })
        expect(taken.data.message).not.toMatch(/exist|already/i)
        expect(await countAffiliates()).toBe(1)

        const token = await register("new@partners.test")
        for (const body of [{}, { name: "" }, { name: "New", website: "not a url" }, { name: "New", status: "active" }]) {
          const refused = await errorOf(api.post("/affiliate-account/register", body, bearer(token)))
          expect(refused.status).toBe(400)
        }
        expect(await countAffiliates()).toBe(1)
        const fresh = await api.post("/affiliate-account/register", { name: "New" }, bearer(token))
        expect(fresh.status).toBe(taken.status)
        expect(fresh.data).toEqual({ ...taken.data, application: { ...taken.data.application, email: "new@partners.test" } })
        const { data: login } = await api.post("/auth/affiliate/emailpass", { email: "new@partners.test", password: "supersecret" })
        const again = await errorOf(api.post("/affiliate-account/register", { name: "Twice" }, bearer(login.token)))
        expect(again.status).toBe(400)
        expect(again.data.message).toBe("This login already belongs to an affiliate")
        expect(await countAffiliates()).toBe(2)
      })

      it("refuses anyone who is not a signed-in partner (401)", async () => {
        expect((await errorOf(api.get("/affiliate/reports/summary"))).status).toBe(401)
        expect((await errorOf(api.get("/affiliate/reports/summary", admin))).status).toBe(401)
      })
    })

    async function registerPartner(email: string, code: string) {
      const { data: registered } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
      await api.post("/affiliate-account/register", { name: code }, { headers: { authorization: `Bearer ${registered.token}` } })
      const { data: login } = await api.post("/auth/affiliate/emailpass", { email, password: "supersecret" })
      const auth = { headers: { authorization: `Bearer ${login.token}` } }
      const { data } = await api.get("/affiliate/me", auth)
      expect(data.affiliate).toMatchObject({ email, status: "pending" })
      await api.post(`/admin/affiliates/${data.affiliate.id}/approve`, {}, admin)
      // Approval gives a partner without a code one made from their name: here `code`.
      const { data: approved } = await api.get(`/admin/affiliates/${data.affiliate.id}`, admin)
      const generated = approved.affiliate.codes.find((c: { code: string }) => c.code === code)
      expect(generated).toBeDefined()
      return { id: data.affiliate.id, codeId: generated.id as string, auth }
    }

    async function report(query: string) {
      const { data } = await api.get(`/admin/affiliate-reports?${query}`, admin)
      return data.rows
    }

    async function refund(orderId: string, amount: number) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id`, admin)
      const paymentId = data.order.payment_collections[0].payments[0].id
      await afterSubscribers(getContainer(), "payment.refunded", () =>
        api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin)
      )
    }

    function placeReferredOrderWithToken(token: string) {
      return placeReferredOrder(api, getContainer(), store, { token, items: [[store.products[0], 1]] })
    }

    /** The same figures, straight from the raw tables, per affiliate. */
    async function rawFigures() {
      const { rows } = await knex().raw(`
        SELECT a.id,
          (SELECT COUNT(*) FROM affiliate_click c WHERE c.affiliate_id = a.id)::int AS clicks,
          (SELECT COUNT(DISTINCT visitor_hash) FROM affiliate_click c WHERE c.affiliate_id = a.id)::int AS unique_visitors,
          (SELECT COUNT(*) FROM affiliate_lead l WHERE l.affiliate_id = a.id)::int AS leads,
          (SELECT COUNT(*) FROM affiliate_attribution t WHERE t.affiliate_id = a.id AND t.order_id IS NOT NULL)::int AS orders
        FROM affiliate a`)
      const money = await knex().raw(`
        SELECT affiliate_id, currency_code,
          SUM(amount) FILTER (WHERE status = 'pending')::float AS pending,
          SUM(amount) FILTER (WHERE status = 'approved')::float AS approved,
          SUM(amount) FILTER (WHERE status = 'paid')::float AS paid
        FROM affiliate_commission_line GROUP BY affiliate_id, currency_code`)
      const revenue = await knex().raw(`
        SELECT affiliate_id, currency_code, SUM(order_total)::float AS revenue
        FROM affiliate_attribution WHERE order_id IS NOT NULL GROUP BY affiliate_id, currency_code`)
      const figures: Record<string, any> = {}
      for (const row of rows) {
        const { id, ...counts } = row
        figures[id] = { ...counts, by_currency: {} }
      }
      for (const row of money.rows) {
        figures[row.affiliate_id].by_currency[row.currency_code] = {
          commission: { pending: row.pending ?? 0, approved: row.approved ?? 0, paid: row.paid ?? 0 },
        }
      }
      for (const row of revenue.rows) {
        const entry = (figures[row.affiliate_id].by_currency[row.currency_code] ??= {})
        entry.revenue = row.revenue
      }
      return figures
    }
  },
})
