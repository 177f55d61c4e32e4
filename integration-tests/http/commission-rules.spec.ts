import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoProduct, DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { balanceOf, createAffiliateWithCode, orderLines } from "../helpers/affiliates"

jest.setTimeout(180_000)

// The rules engine through real orders: per-product rates, precedence,
// products out of the program, parent overrides, fixed amounts per currency
// and tiers that rise with paid orders.
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
    const rule = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliate-rules", body, admin)).data.commission_rule

    // Demo prices: T-shirt $20 / €18, Sweatshirt $40, Mug $12 / €11; shipping 10.
    const tshirt = () => store.products[0]
    const mug = () => store.products[2]

    const order = (code: string, items: [DemoProduct, number][], currency: "usd" | "eur" = "usd") =>
      placeReferredOrder(api, getContainer(), store, { code, items, currency })

    it("applies each product's rate, and an affiliate + product rule over everything", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "MIX", commission_rate: 15 })
      await rule({ scope: "product", product_id: tshirt().id, rate: 20 })

      // T-shirt at the product rate? No: the affiliate's own rate beats a product rule.
      const first = await order("MIX", [[tshirt(), 1], [mug(), 1]])
      expect((await orderLines(api, admin, first.id))[0]).toMatchObject({ amount: 4.8, base_amount: 32, rate: 15, rule: "affiliate" })

      // An affiliate + product rule beats the affiliate's rate for that product only.
      const special = await rule({ scope: "affiliate_product", affiliate_id: affiliate.id, product_id: tshirt().id, rate: 30 })
      const second = await order("MIX", [[tshirt(), 1], [mug(), 1]])
      // 30% of $20 + 15% of $12 = 6 + 1.8
      expect((await orderLines(api, admin, second.id))[0]).toMatchObject({ amount: 7.8, rate: null, rule: "mixed" })

      const third = await order("MIX", [[tshirt(), 2]])
      expect((await orderLines(api, admin, third.id))[0]).toMatchObject({ amount: 12, rate: 30, rule: special.id })
    })

    it("pays nothing on a product out of the program", async () => {
      await createAffiliateWithCode(api, admin, { code: "OUT" })
      await rule({ scope: "product", product_id: mug().id, excluded: true })
      const mugOnly = await order("OUT", [[mug(), 3]])
      expect(await orderLines(api, admin, mugOnly.id)).toEqual([])
      const mixed = await order("OUT", [[tshirt(), 1], [mug(), 3]])
      expect((await orderLines(api, admin, mixed.id))[0]).toMatchObject({ amount: 2, base_amount: 20 })
    })

    it("pays a parent its override until the date set on the recruit", async () => {
      const { affiliate: parent } = await createAffiliateWithCode(api, admin, { code: "PARENT" })
      const { affiliate: recruit } = await createAffiliateWithCode(api, admin, { code: "RECRUIT" })
      await api.post(`/admin/affiliates/${recruit.id}`, { parent_id: parent.id }, admin)
      await rule({ scope: "program", level: 1, rate: 5 })

      const placed = await order("RECRUIT", [[tshirt(), 2]])
      const lines = await orderLines(api, admin, placed.id)
      expect(lines.map((line) => [line.affiliate_id, line.level, line.amount])).toEqual([
        [recruit.id, 0, 4],
        [parent.id, 1, 2],
      ])

      await api.post(`/admin/affiliates/${recruit.id}`, { parent_commission_ends_at: "2020-01-01T00:00:00Z" }, admin)
      const later = await order("RECRUIT", [[tshirt(), 2]])
      expect((await orderLines(api, admin, later.id)).map((line) => line.level)).toEqual([0])
    })

    it("pays a fixed amount per order in each currency, kept apart in balances and payouts", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CPA" })
      await rule({ scope: "affiliate", affiliate_id: affiliate.id, kind: "fixed_order", amounts: { usd: 5, eur: 4.5 } })

      const inUsd = await order("CPA", [[tshirt(), 3]])
      const inEur = await order("CPA", [[tshirt(), 1]], "eur")
      expect((await orderLines(api, admin, inUsd.id))[0]).toMatchObject({ amount: 5, currency_code: "usd" })
      expect((await orderLines(api, admin, inEur.id))[0]).toMatchObject({ amount: 4.5, currency_code: "eur" })
      expect(await balanceOf(api, admin, affiliate.id, "usd")).toMatchObject({ pending: 5 })
      expect(await balanceOf(api, admin, affiliate.id, "eur")).toMatchObject({ pending: 4.5 })

      const lines = [...(await orderLines(api, admin, inUsd.id)), ...(await orderLines(api, admin, inEur.id))]
      await api.post("/admin/affiliate-commissions/approve", { ids: lines.map((line) => line.id) }, admin)
      const { data: eur } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, { currency_code: "eur" }, admin)
      expect(eur.payout).toMatchObject({ amount: 4.5, currency_code: "eur" })
      expect(await balanceOf(api, admin, affiliate.id, "usd")).toMatchObject({ available: 5, paid: 0 })
    })

    it("raises the rate once the affiliate reaches a tier of paid orders", async () => {
      await createAffiliateWithCode(api, admin, { code: "TIER" })
      await rule({
        scope: "program",
        rate: 25,
        tier_metric: "paid_orders",
        tiers: [{ threshold: 2, rate: 35 }],
      })
      const first = await order("TIER", [[tshirt(), 1]])
      const second = await order("TIER", [[tshirt(), 1]])
      const third = await order("TIER", [[tshirt(), 1]])
      const rates: unknown[] = []
      for (const placed of [first, second, third]) {
        rates.push((await orderLines(api, admin, placed.id))[0].rate)
      }
      // Two paid orders before the third one: the third earns the higher tier.
      expect(rates).toEqual([25, 25, 35])
    })

    describe("rule validation", () => {
      it.each([
        [{ scope: "affiliate", rate: 10 }, 400, "Invalid request: affiliate_id is required for a affiliate rule"],
        [{ scope: "program" }, 400, "Invalid request: rate is required for a percent rule"],
        [{ scope: "program", kind: "fixed_order" }, 400, "Invalid request: amounts is required for a fixed_order rule"],
        [{ scope: "program", rate: 10, excluded: true }, 400, "Invalid request: excluded applies only to product rules"],
        [{ scope: "program", rate: 120 }, 400, "Invalid request: Value for field 'rate' too big, expected at most: '100'"],
        [{ scope: "product", product_id: "prod_missing", rate: 10 }, 404, "product_id: product with id: prod_missing was not found"],
      ])("refuses %j", async (body, status, message) => {
        const response = await errorOf(api.post("/admin/affiliate-rules", body, admin))
        expect(response.status).toBe(status)
        expect(response.data.message).toBe(message)
        expect(await getContainer().resolve("affiliate").listCommissionRules({})).toEqual([])
      })

      // Combinations the engine could never pay (the admin's form refuses them with the same code).
      it.each([
        [
          "a fixed amount per order on a product rule",
          () => ({ scope: "product", product_id: tshirt().id, kind: "fixed_order", amounts: { usd: 5 } }),
          "Invalid request: kind fixed_order pays per order or lead, not per product: use it on a program or affiliate rule",
        ],
        [
          "a fixed amount per lead on a parent level",
          () => ({ scope: "program", kind: "fixed_lead", amounts: { usd: 2 }, level: 1 }),
          "Invalid request: level must be 0 for a fixed_lead rule: only the referring affiliate earns for a lead",
        ],
        [
          "tiers on a fixed rule",
          () => ({ scope: "program", kind: "fixed_order", amounts: { usd: 5 }, tiers: [{ threshold: 1, rate: 5 }], tier_metric: "paid_orders" }),
          "Invalid request: tiers apply only to percent rules",
        ],
      ])("refuses %s", async (_name, body, message) => {
        const response = await errorOf(api.post("/admin/affiliate-rules", body(), admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(message)
        expect(await getContainer().resolve("affiliate").listCommissionRules({})).toEqual([])
      })

      it("keeps a fixed amount out of a product rule on update too", async () => {
        const created = await rule({ scope: "product", product_id: tshirt().id, rate: 10 })
        const response = await errorOf(
          api.post(`/admin/affiliate-rules/${created.id}`, { kind: "fixed_order", rate: null, amounts: { usd: 5 } }, admin)
        )
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(
          "kind fixed_order pays per order or lead, not per product: use it on a program or affiliate rule"
        )
        const { data } = await api.get(`/admin/affiliate-rules/${created.id}`, admin)
        expect(data.commission_rule).toMatchObject({ kind: "percent", rate: 10, amounts: null })
      })

      it("filters the list by kind, and refuses an unknown kind", async () => {
        const percent = await rule({ scope: "program", rate: 10 })
        const lead = await rule({ scope: "program", kind: "fixed_lead", amounts: { usd: 2 } })
        const ids = async (query: string) =>
          (await api.get(`/admin/affiliate-rules?${query}`, admin)).data.commission_rules.map((r: any) => r.id)
        expect(await ids("kind=fixed_lead")).toEqual([lead.id])
        expect(await ids("kind=percent")).toEqual([percent.id])
        expect((await ids("kind[]=percent&kind[]=fixed_lead")).sort()).toEqual([percent.id, lead.id].sort())
        const refused = await errorOf(api.get("/admin/affiliate-rules?kind=bonus", admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("kind")
      })

      it("updates, lists and deletes a rule, refusing an update that breaks it", async () => {
        const created = await rule({ scope: "program", rate: 12 })
        const { data: updated } = await api.post(`/admin/affiliate-rules/${created.id}`, { rate: 14 }, admin)
        expect(updated.commission_rule.rate).toBe(14)
        const broken = await errorOf(api.post(`/admin/affiliate-rules/${created.id}`, { rate: null }, admin))
        expect(broken.status).toBe(400)
        expect(broken.data.message).toBe("rate is required for a percent rule")
        const { data: list } = await api.get("/admin/affiliate-rules?scope=program", admin)
        expect(list.commission_rules.map((r: any) => [r.id, r.rate])).toEqual([[created.id, 14]])
        const { data: deleted } = await api.delete(`/admin/affiliate-rules/${created.id}`, admin)
        expect(deleted).toEqual({ id: created.id, object: "commission_rule", deleted: true })
        const gone = await errorOf(api.get(`/admin/affiliate-rules/${created.id}`, admin))
        expect(gone.status).toBe(404)
      })
    })
  },
})
