import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../dev/demo-store"
import { approveDueCommissionsWorkflow, writeOffNegativeBalancesWorkflow } from "../../src/workflows/commissions"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { afterSubscribers, balanceOf, createAffiliateWithCode, daysFromNow, orderLines } from "../helpers/affiliates"
import { createCart, placeOrder, storeHeaders } from "../helpers/checkout"

jest.setTimeout(180_000)

// Program settings stored in the database (G5) and what they drive: the hold
// period, payout minimums with carry-over (F1), fraud holds (E7), sales
// channels per affiliate (C7) and the negative-balance write-off (F5).
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
    const settings = async () => (await api.get("/admin/affiliate-settings", admin)).data
    const saveSettings = (body: Record<string, unknown>) => api.post("/admin/affiliate-settings", body, admin)
    const tshirt = () => store.products[0]
    const order = (code: string) => placeReferredOrder(api, getContainer(), store, { code, items: [[tshirt(), 1]] })

    describe("/admin/affiliate-settings", () => {
      it("starts from the plugin options, saves changes field by field, and resets", async () => {
        expect(await settings()).toMatchObject({
          program_settings: { hold_days: 30, attribution_window_days: 30, minimum_payout: 0, no_negative_carryover: false },
          overrides: {},
        })

        await saveSettings({ hold_days: 7, fraud: { max_conversion_rate: 40 } })
        const { data } = await saveSettings({ fraud: { min_clicks_for_conversion_check: 5 }, minimum_payout: { usd: 50 } })
        expect(data.program_settings).toMatchObject({
          hold_days: 7,
          minimum_payout: { usd: 50 },
          // The second change kept the first one's field in the same group.
          fraud: { max_conversion_rate: 40, min_clicks_for_conversion_check: 5, max_clicks_per_ip_per_day: 100 },
          exclude_from_base: { shipping: true, tax: true, discounts: true, gift_cards: true },
        })
        expect(data.overrides).toEqual({
          hold_days: 7,
          minimum_payout: { usd: 50 },
          fraud: { max_conversion_rate: 40, min_clicks_for_conversion_check: 5 },
          exclude_from_base: {},
        })

        const { data: reset } = await api.delete("/admin/affiliate-settings", admin)
        expect(reset).toMatchObject({ program_settings: { hold_days: 30, minimum_payout: 0 }, overrides: {} })
      })

      it.each([
        [{ hold_days: -1 }, "hold_days"],
        [{ hold_days: "7" }, "hold_days"],
        [{ default_commission_rate: 101 }, "default_commission_rate"],
        [{ minimum_payout: { dollars: 5 } }, "minimum_payout"],
        [{ fraud: { max_conversion_rate: 0 } }, "max_conversion_rate"],
        [{ fraud: { max_clicks: 3 } }, "max_clicks"],
        [{ secret: "a-very-long-secret-value" }, "secret"],
        [{ attribution_model: "linear" }, "attribution_model"],
      ])("refuses %j naming %s, and changes nothing", async (body, field) => {
        await saveSettings({ hold_days: 9 })
        const response = await errorOf(saveSettings(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(field)
        expect((await settings()).overrides).toEqual({ hold_days: 9, exclude_from_base: {}, fraud: {} })
      })

      it("keeps the registration mode and the portal's terms and help text", async () => {
        expect((await settings()).program_settings).toMatchObject({
          registration_mode: "approval",
          portal_terms: null,
          portal_help_text: null,
        })
        const terms = "1. Be honest.\n2. No ads on our brand name.\n\tThat's all."
        const { data } = await saveSettings({ registration_mode: "closed", portal_terms: terms, portal_help_text: "Ask us" })
        expect(data.program_settings).toMatchObject({ registration_mode: "closed", portal_terms: terms, portal_help_text: "Ask us" })
        expect(data.overrides).toMatchObject({ registration_mode: "closed", portal_terms: terms, portal_help_text: "Ask us" })
        // null clears a text.
        const { data: cleared } = await saveSettings({ portal_help_text: null })
        expect(cleared.program_settings).toMatchObject({ portal_terms: terms, portal_help_text: null })
      })

      it.each([
        [{ registration_mode: "open" }, "registration_mode"],
        [{ portal_terms: "x".repeat(50_001) }, "Value for field 'portal_terms' too big, expected at most: '50000'"],
        [{ portal_help_text: "x".repeat(5_001) }, "Value for field 'portal_help_text' too big, expected at most: '5000'"],
        [{ portal_help_text: "bad\u0000byte" }, "portal_help_text: must not contain control characters"],
        [{ portal_terms: 42 }, "portal_terms"],
      ])("refuses %# naming the field", async (body, text) => {
        const response = await errorOf(saveSettings(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(text)
        expect((await settings()).overrides).toEqual({})
      })

      it("refuses new partner applications while registration is closed", async () => {
        const signUp = async (email: string) => {
          const { data } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
          return errorOf(
            api.post("/affiliate-account/register", { name: email }, { headers: { authorization: `Bearer ${data.token}` } })
          )
        }
        await saveSettings({ registration_mode: "closed" })
        const refused = await signUp("closed@example.com")
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("registration_mode: the partner program is not taking applications")
        expect(await getContainer().resolve("affiliate").listAffiliates({ email: "closed@example.com" })).toEqual([])

        await saveSettings({ registration_mode: "approval" })
        const accepted = await signUp("open@example.com")
        expect(accepted.status).toBe(202)
        const [created] = await getContainer().resolve("affiliate").listAffiliates({ email: "open@example.com" })
        expect(created).toMatchObject({ status: "pending" })
      })

      it("is admin-only", async () => {
        const response = await errorOf(api.get("/admin/affiliate-settings"))
        expect(response.status).toBe(401)
      })
    })

    it("starts the hold period from the stored hold days", async () => {
      await saveSettings({ hold_days: 7 })
      await createAffiliateWithCode(api, admin, { code: "WEEK" })
      const placed = await order("WEEK")
      const [line] = await orderLines(api, admin, placed.id)
      const held = new Date(line.hold_until).getTime() - new Date(line.paid_by_customer_at).getTime()
      expect(held).toBe(7 * 86_400_000)

      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(8) } })
      expect((await orderLines(api, admin, placed.id))[0].status).toBe("approved")
    })

    it("refuses a payout below the currency's minimum and carries the balance over", async () => {
      await saveSettings({ minimum_payout: { usd: 5 }, hold_days: 0 })
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "MINI" })
      await order("MINI")
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(1) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 2, minimum_payout: 5, payable: false })
      // The balances due leave it out (filtered in SQL); the not-payable list has it.
      const listed = async (payable: boolean) =>
        (await api.get(`/admin/affiliate-balances?payable=${payable}`, admin)).data.balances
          .filter((balance: any) => balance.affiliate_id === affiliate.id)
      expect(await listed(true)).toEqual([])
      expect(await listed(false)).toEqual([expect.objectContaining({ available: 2, payable: false })])

      const refused = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("amount 2 is below the minimum payout of 5 USD")
      const { data: history } = await api.get(`/admin/affiliate-payouts?affiliate_id=${affiliate.id}`, admin)
      expect(history.payouts).toEqual([])

      // The next order's commission joins the carried balance, which then clears the minimum.
      await order("MINI")
      await order("MINI")
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(1) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 6, payable: true })
      expect(await listed(true)).toEqual([
        { affiliate_id: affiliate.id, currency_code: "usd", available: 6, pending: 0, in_flight: 0, paid: 0, minimum_payout: 5, payable: true },
      ])
      expect(await listed(false)).toEqual([])
      const { data: paid } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)
      expect(paid.payout).toMatchObject({ amount: 6, currency_code: "usd" })
    })

    describe("fraud checks hold lines for review (E7)", () => {
      it("when the referring click's IP clicked more than the daily limit", async () => {
        await saveSettings({ fraud: { max_clicks_per_ip_per_day: 2 } })
        await createAffiliateWithCode(api, admin, { code: "BURST" })
        let token = ""
        for (const agent of ["agent-1", "agent-2", "agent-3"]) {
          const { data } = await api.post(
            "/store/referrals/clicks",
            { code: "BURST" },
            storeHeaders(store.publishableKey, { "user-agent": agent })
          )
          token = data.referral_click.token
        }
        const placed = await afterSubscribers(getContainer(), "order.placed", async () =>
          (
            await placeOrder(api, {
              publishableKey: store.publishableKey,
              regionId: store.regionIds.usd,
              salesChannelId: store.salesChannelId,
              countryCode: "us",
              items: [{ variant_id: tshirt().variantIds[0], quantity: 1 }],
              providerId: "pp_autocapture_autocapture",
              beforeComplete: async (cart) => {
                await api.post(`/store/carts/${cart.id}/referral`, { token }, storeHeaders(store.publishableKey))
              },
            })
          ).order
        )
        expect(await orderLines(api, admin, placed.id)).toEqual([
          expect.objectContaining({ status: "on_hold", status_reason: "click_burst_from_ip" }),
        ])
      })

      it("when the affiliate converts more clicks than the program allows, until an admin releases the line", async () => {
        await saveSettings({ fraud: { min_clicks_for_conversion_check: 1, max_conversion_rate: 50 } })
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "TOOGOOD" })
        const { data: click } = await api.post("/store/referrals/clicks", { code: "TOOGOOD" }, storeHeaders(store.publishableKey))
        // One click, one order through it: 100% conversion. (Orders from the typed code are not conversions of clicks.)
        const placed = await placeReferredOrder(api, getContainer(), store, {
          token: click.referral_click.token,
          items: [[tshirt(), 1]],
        })
        const [held] = await orderLines(api, admin, placed.id)
        expect(held).toMatchObject({ status: "on_hold", status_reason: "conversion_rate_out_of_range" })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, pending: 2 })

        await api.post("/admin/affiliate-commissions/approve", { ids: [held.id], reason: "Known influencer" }, admin)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 2, pending: 0 })
      })
    })

    it("limits an affiliate to chosen sales channels (C7)", async () => {
      const { data } = await api.post("/admin/sales-channels", { name: "Wholesale" }, admin)
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "BRAND" })
      await api.post(`/admin/affiliates/${affiliate.id}`, { sales_channel_ids: [data.sales_channel.id] }, admin)

      const cart = await createCart(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        items: [{ variant_id: tshirt().variantIds[0], quantity: 1 }],
      })
      const refused = await errorOf(
        api.post(`/store/carts/${cart.id}/referral`, { code: "BRAND" }, storeHeaders(store.publishableKey))
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Referral code BRAND is not valid in this store")

      // Back to every channel.
      await api.post(`/admin/affiliates/${affiliate.id}`, { sales_channel_ids: null }, admin)
      const placed = await order("BRAND")
      expect(await orderLines(api, admin, placed.id)).toHaveLength(1)
    })

    it("writes a negative balance off once per period when no-negative-carryover is on (F5)", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "NEG" })
      await api.post(
        `/admin/affiliates/${affiliate.id}/adjustments`,
        { type: "adjustment", amount: -7.5, currency_code: "usd", reason: "Chargeback fee" },
        admin
      )
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: -7.5 })

      const run = () => writeOffNegativeBalancesWorkflow(getContainer()).run({ input: { now: "2026-12-01T00:30:00Z" } })
      const { result } = await run()
      expect(result).toHaveLength(1)
      expect((await run()).result).toEqual([])

      const { data } = await api.get(`/admin/affiliate-commissions?affiliate_id=${affiliate.id}&type=write_off`, admin)
      expect(data.commission_lines).toEqual([
        expect.objectContaining({ amount: 7.5, status: "approved", reference: "write_off:2026-12", created_by: "system:write_off" }),
      ])
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0 })

      // The job runs daily: later days of the month write nothing, even for a
      // balance that went negative since; the next month's first run does.
      await api.post(
        `/admin/affiliates/${affiliate.id}/adjustments`,
        { type: "adjustment", amount: -2, currency_code: "usd", reason: "Second fee" },
        admin
      )
      const on = (now: string) => writeOffNegativeBalancesWorkflow(getContainer()).run({ input: { now } })
      expect((await on("2026-12-02T00:30:00Z")).result).toEqual([])
      expect((await on("2026-12-31T23:59:59Z")).result).toEqual([])
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: -2 })
      expect((await on("2027-01-01T00:30:00Z")).result).toHaveLength(1)
      expect((await on("2027-01-02T00:30:00Z")).result).toEqual([])
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0 })
    })
  },
})
