import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../dev/demo-store"
import { approveDueCommissionsWorkflow } from "../../src/workflows/commissions"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { balanceOf, createAffiliateWithCode, daysFromNow } from "../helpers/affiliates"
import { registerCustomer, storeHeaders } from "../helpers/checkout"

jest.setTimeout(180_000)

// Sign-ups under attribution (C9): a lead per customer, a per-lead commission
// (D1, CPL) where a rule pays one, and the customer bound to the affiliate.
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
    const store_ = (headers: Record<string, string> = {}) => storeHeaders(store.publishableKey, headers)
    const leadLines = async (affiliateId: string) =>
      (await api.get(`/admin/affiliate-commissions?affiliate_id=${affiliateId}&type=lead`, admin)).data
        .commission_lines as any[]
    const leads = () => getContainer().resolve("affiliate").listLeads({}) as Promise<any[]>

    const clickToken = async (code: string) =>
      (await api.post("/store/referrals/clicks", { code, utm_campaign: "spring" }, store_())).data.referral_click
        .token as string

    it("records a sign-up after a click as a lead, pays the per-lead rule once, and binds the customer", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LEADS" })
      await api.post(
        "/admin/affiliate-rules",
        { scope: "program", kind: "fixed_lead", amounts: { eur: 2.5, usd: 3 } },
        admin
      )
      const token = await clickToken("LEADS")
      const shopper = await registerCustomer(api, store.publishableKey, "signup@example.com")

      const first = await api.post("/store/referrals/leads", { token }, store_({ authorization: shopper.authorization }))
      expect(first.status).toBe(201)
      expect(first.data.referral_lead).toMatchObject({ source: "link", affiliate: { name: "Partner LEADS" } })

      // Asking again returns the same lead and pays nothing more.
      const again = await api.post("/store/referrals/leads", { token }, store_({ authorization: shopper.authorization }))
      expect(again.status).toBe(200)
      expect(again.data.referral_lead.id).toBe(first.data.referral_lead.id)

      expect(await leads()).toEqual([
        expect.objectContaining({ affiliate_id: affiliate.id, customer_id: shopper.customer.id, utm_campaign: "spring" }),
      ])
      // Paid in the store's default currency, after the hold period like a sale.
      const lines = await leadLines(affiliate.id)
      expect(lines).toEqual([
        expect.objectContaining({ type: "lead", status: "pending", amount: 3, currency_code: "usd", order_id: null }),
      ])
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 3 })

      // The sign-up bound the customer: a later order with no code is credited for life.
      const bindings = await getContainer().resolve("affiliate").listCustomerBindings({ customer_id: shopper.customer.id })
      expect(bindings).toEqual([expect.objectContaining({ affiliate_id: affiliate.id })])
    })

    it("records a lead without a commission when no per-lead rule applies, and honours an affiliate's own rule", async () => {
      const { affiliate: plain } = await createAffiliateWithCode(api, admin, { code: "PLAIN" })
      const { affiliate: special } = await createAffiliateWithCode(api, admin, { code: "SPECIAL" })
      await api.post(
        "/admin/affiliate-rules",
        { scope: "affiliate", affiliate_id: special.id, kind: "fixed_lead", amounts: { usd: 5 } },
        admin
      )
      const a = await registerCustomer(api, store.publishableKey, "a@example.com")
      const b = await registerCustomer(api, store.publishableKey, "b@example.com")
      await api.post("/store/referrals/leads", { code: "plain" }, store_({ authorization: a.authorization }))
      await api.post("/store/referrals/leads", { code: "SPECIAL" }, store_({ authorization: b.authorization }))

      expect(await leads()).toHaveLength(2)
      expect(await leadLines(plain.id)).toEqual([])
      expect(await leadLines(special.id)).toEqual([expect.objectContaining({ amount: 5, rule: expect.stringMatching(/^afrule_/) })])
    })

    it("holds the lead commission for review when the affiliate signs up through their own link", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "MYSELF", email: "me@partners.test" })
      await api.post("/admin/affiliate-rules", { scope: "program", kind: "fixed_lead", amounts: { usd: 3 } }, admin)
      const token = await clickToken("MYSELF")
      const self = await registerCustomer(api, store.publishableKey, "me@partners.test")
      await api.post("/store/referrals/leads", { token }, store_({ authorization: self.authorization }))
      expect(await leadLines(affiliate.id)).toEqual([
        expect.objectContaining({ status: "on_hold", status_reason: "self_referral" }),
      ])
    })

    it("pays a new-customers-only rule on a guest's first order", async () => {
      await createAffiliateWithCode(api, admin, { code: "NEWBIES" })
      await api.post(
        "/admin/affiliate-rules",
        { scope: "program", rate: 50, new_customers_only: true },
        admin
      )
      // A guest checking out for the first time is new: 50% of $20.
      const order = await placeReferredOrder(api, getContainer(), store, { code: "NEWBIES", items: [[store.products[0], 1]] })
      const { data } = await api.get(`/admin/affiliate-commissions?order_id=${order.id}`, admin)
      expect(data.commission_lines).toEqual([expect.objectContaining({ amount: 10 })])
    })

    describe("refuses, writing nothing", () => {
      it("a request without a customer session (401)", async () => {
        await createAffiliateWithCode(api, admin, { code: "ANON" })
        const response = await errorOf(api.post("/store/referrals/leads", { code: "ANON" }, store_()))
        expect(response.status).toBe(401)
        expect(await leads()).toEqual([])
      })

      it.each([
        [{}, "Provide exactly one of code or token"],
        [{ code: "ANON", token: "x" }, "Provide exactly one of code or token"],
        [{ code: 42 }, "code"],
        [{ code: "ANON", customer_id: "cus_1" }, "customer_id"],
      ])("a bad body %j (400)", async (body, message) => {
        await createAffiliateWithCode(api, admin, { code: "ANON" })
        const shopper = await registerCustomer(api, store.publishableKey, "bad@example.com")
        const response = await errorOf(api.post("/store/referrals/leads", body, store_({ authorization: shopper.authorization })))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
        expect(await leads()).toEqual([])
      })

      it("an unknown code (404) and a forged token (400)", async () => {
        const shopper = await registerCustomer(api, store.publishableKey, "who@example.com")
        const auth = store_({ authorization: shopper.authorization })
        const unknown = await errorOf(api.post("/store/referrals/leads", { code: "NOPE" }, auth))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toBe("Referral code NOPE was not found")
        const forged = await errorOf(api.post("/store/referrals/leads", { token: "abc.def" }, auth))
        expect(forged.status).toBe(400)
        expect(forged.data.message).toBe("token: the attribution token is not valid")
        expect(await leads()).toEqual([])
      })

      it("an account that existed before the click (400)", async () => {
        await createAffiliateWithCode(api, admin, { code: "LATE" })
        const shopper = await registerCustomer(api, store.publishableKey, "old@example.com")
        const token = await clickToken("LATE")
        const response = await errorOf(
          api.post("/store/referrals/leads", { token }, store_({ authorization: shopper.authorization }))
        )
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(
          "customer: the account was created before the referral, so it is not a referred sign-up"
        )
        expect(await leads()).toEqual([])
      })
    })
  },
})
