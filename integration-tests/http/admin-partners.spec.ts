import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"

jest.setTimeout(600_000)

// The admin's partner screens (issue 11, G1/G2): the list sorted by money in
// one currency with each partner's totals, creating a partner with its first
// code and payout details in one go, and an approved partner always having a code.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const service = () => getContainer().resolve("affiliate") as any

    const createAffiliate = async (body: Record<string, unknown> = {}) =>
      (await api.post("/admin/affiliates", { status: "active", ...body }, admin)).data.affiliate

    const lines = (affiliateId: string, rows: [status: string, amount: number, currency?: string][]) =>
      service().createCommissionLines(
        rows.map(([status, amount, currency = "usd"], i) => ({
          affiliate_id: affiliateId,
          type: "sale",
          status,
          amount,
          currency_code: currency,
          order_id: `order_${affiliateId}_${i}`,
        }))
      )

    const revenue = (affiliateId: string, amount: number, currency = "usd") =>
      service().createAttributions([
        {
          affiliate_id: affiliateId,
          source: "code",
          order_id: `order_rev_${affiliateId}_${currency}`,
          referred_at: new Date(),
          ordered_at: new Date(),
          order_total: amount,
          currency_code: currency,
        },
      ])

    describe("GET /admin/affiliates sorted by money", () => {
      it("sorts by revenue, earnings and balance due in one currency, filtered and paged, with totals", async () => {
        const ada = await createAffiliate({ name: "Ada Lovelace", email: "ada@example.com" })
        const grace = await createAffiliate({ name: "Grace Hopper", email: "grace@example.com" })
        const team = await createAffiliate({ name: "Newsletter team", email: "team@example.com", is_internal: true })
        // Ada: more earned, less due; Grace: less earned, all of it due; EUR is never added to USD.
        await lines(ada.id, [["approved", 5], ["paid", 50], ["rejected", 1000], ["approved", 500, "eur"]])
        await lines(grace.id, [["approved", 20], ["pending", 5]])
        await revenue(ada.id, 100)
        await revenue(grace.id, 300)
        await revenue(team.id, 900, "eur")

        const names = async (query: string) =>
          (await api.get(`/admin/affiliates?fields=id,name&${query}`, admin)).data.affiliates.map((a: any) => a.name)

        expect(await names("order=-earnings&currency_code=usd")).toEqual(["Ada Lovelace", "Grace Hopper", "Newsletter team"])
        expect(await names("order=-balance_due&currency_code=USD")).toEqual(["Grace Hopper", "Ada Lovelace", "Newsletter team"])
        expect(await names("order=-revenue&currency_code=usd")).toEqual(["Grace Hopper", "Ada Lovelace", "Newsletter team"])
        expect(await names("order=revenue&currency_code=usd")).toEqual(["Newsletter team", "Ada Lovelace", "Grace Hopper"])
        expect(await names("order=-revenue&currency_code=eur")).toEqual(["Newsletter team", "Ada Lovelace", "Grace Hopper"])
        // Filters apply to money sorts too: internal / external (B4), status, search.
        expect(await names("order=-earnings&currency_code=usd&is_internal=true")).toEqual(["Newsletter team"])
        expect(await names("order=-earnings&currency_code=usd&is_internal=false&q=hop")).toEqual(["Grace Hopper"])

        const { data: page } = await api.get("/admin/affiliates?order=-earnings&currency_code=usd&limit=1&offset=1", admin)
        expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(page.affiliates).toEqual([
          expect.objectContaining({
            id: grace.id,
            totals: { currency_code: "usd", revenue: 300, earnings: 25, balance_due: 20 },
          }),
        ])
        const { data: past } = await api.get("/admin/affiliates?order=-earnings&currency_code=usd&offset=10", admin)
        expect(past).toMatchObject({ affiliates: [], count: 3 })

        // Totals come with any list that names a currency; none without one.
        const { data: byName } = await api.get("/admin/affiliates?order=name&currency_code=usd", admin)
        expect(byName.affiliates[0]).toMatchObject({
          name: "Ada Lovelace",
          totals: { currency_code: "usd", revenue: 100, earnings: 55, balance_due: 5 },
        })
        const { data: plain } = await api.get("/admin/affiliates?order=name", admin)
        expect(plain.affiliates[0].totals).toBeUndefined()
      })

      it.each([
        ["order=-revenue", "Invalid request: currency_code: required to sort by revenue (amounts in different currencies are not added)"],
        ["order=-earnings&currency_code=dollars", "Invalid request: currency_code: a 3-letter ISO 4217 currency code"],
        ["order=-profit&currency_code=usd", /order: one of .*revenue, earnings, balance_due/],
        ["is_internal=maybe", /is_internal/],
      ])("refuses %s", async (query, message) => {
        const response = await errorOf(api.get(`/admin/affiliates?${query}`, admin))
        expect(response.status).toBe(400)
        if (typeof message === "string") expect(response.data.message).toBe(message)
        else expect(response.data.message).toMatch(message)
      })
    })

    describe("POST /admin/affiliates with a code and payout details", () => {
      it("creates the partner, its first code and its payout details together, the details masked", async () => {
        const parent = await createAffiliate({ name: "Grace Hopper", email: "grace@example.com" })
        const { data, status } = await api.post(
          "/admin/affiliates",
          {
            name: "Ada Lovelace",
            email: "ada@example.com",
            company: "Analytical Engines",
            website: "https://ada.example.com",
            parent_id: parent.id,
            parent_commission_ends_at: "2030-01-01T00:00:00Z",
            commission_rate: 12.5,
            is_internal: false,
            status: "pending",
            code: "ada10",
            payout_details: { method: "paypal", email: "ada@pay.example.com" },
          },
          admin
        )
        expect(status).toBe(201)
        expect(data.affiliate).toMatchObject({
          name: "Ada Lovelace",
          parent_id: parent.id,
          commission_rate: 12.5,
          payout_method: "paypal",
          payout_details: { method: "paypal", email: "a•••@pay.example.com", masked: true },
          codes: [expect.objectContaining({ code: "ADA10", is_active: true })],
        })
        const { data: full } = await api.get(`/admin/affiliates/${data.affiliate.id}/payout-details`, admin)
        expect(full.payout_details).toMatchObject({ payout_method: "paypal", payout_details: { email: "ada@pay.example.com" } })
        const { data: log } = await api.get(`/admin/affiliates/${data.affiliate.id}/audit-log`, admin)
        expect(log.audit_entries.map((entry: any) => entry.action).sort()).toEqual(["affiliate.created", "payout_details.changed"])
      })

      it("leaves no partner behind when the code is taken, and refuses bad fields by name", async () => {
        await createAffiliate({ name: "Ada Lovelace", email: "ada@example.com", code: "ADA10" })
        const taken = await errorOf(api.post("/admin/affiliates", { name: "Other", email: "other@example.com", code: "ada10" }, admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toMatch(/code: ADA10, already exists/)
        expect((await service().listAffiliates({ email: "other@example.com" })).length).toBe(0)

        for (const [body, message] of [
          [{ code: "a b" }, "Invalid request: code must be 3 to 32 letters, digits, - or _"],
          [{ payout_details: { method: "paypal", email: "nope" } }, "Invalid request: payout_details.email: not an email address"],
          [{ payout_details: { method: "cheque" } }, /payout_details.method|one of bank_transfer/],
        ] as const) {
          const response = await errorOf(api.post("/admin/affiliates", { name: "Bad", email: "bad@example.com", ...body }, admin))
          expect(response.status).toBe(400)
          if (typeof message === "string") expect(response.data.message).toBe(message)
          else expect(response.data.message).toMatch(message)
        }
        expect((await service().listAffiliates({ email: "bad@example.com" })).length).toBe(0)
      })
    })

    describe("POST /admin/affiliates/:id/approve gives a partner without a code one", () => {
      it("generates a unique code from the name, and the partner can link at once", async () => {
        await createAffiliate({ name: "Ada Lovelace", email: "ada@example.com", code: "ADA" })
        const pending = await createAffiliate({ name: "Ada Byron", email: "byron@example.com", status: "pending" })
        const before = await errorOf(api.post(`/admin/affiliates/${pending.id}/links`, {}, admin))
        expect(before.status).toBe(400)
        expect(before.data.message).toBe(`code_id: affiliate ${pending.id} has no active code to link to`)

        const { data } = await api.post(`/admin/affiliates/${pending.id}/approve`, {}, admin)
        expect(data.affiliate.status).toBe("active")
        // ADA is Ada Lovelace's: the next free one.
        expect(data.affiliate.codes).toEqual([expect.objectContaining({ code: "ADA2", is_active: true, alias_of_id: null })])

        const { data: link } = await api.post(`/admin/affiliates/${pending.id}/links`, { sub_id: "blog" }, admin)
        expect(link.referral_link).toMatchObject({ code: "ADA2", path: "/r/ADA2/blog" })

        // The admin can change it later: a new code, the generated one disabled.
        await api.post(`/admin/affiliates/${pending.id}/codes`, { code: "BYRON" }, admin)
        const { data: updated } = await api.post(`/admin/affiliate-codes/${data.affiliate.codes[0].id}`, { is_active: false }, admin)
        expect(updated.referral_code.is_active).toBe(false)
      })

      it("keeps an existing usable code, and replaces none on re-approval", async () => {
        const withCode = await createAffiliate({ name: "Grace Hopper", email: "grace@example.com", status: "pending", code: "GRACE10" })
        const { data } = await api.post(`/admin/affiliates/${withCode.id}/approve`, {}, admin)
        expect(data.affiliate.codes.map((code: any) => code.code)).toEqual(["GRACE10"])

        await api.post(`/admin/affiliates/${withCode.id}/deactivate`, {}, admin)
        const { data: again } = await api.post(`/admin/affiliates/${withCode.id}/approve`, {}, admin)
        expect(again.affiliate.codes.map((code: any) => code.code)).toEqual(["GRACE10"])
      })

      it("gives a code when the only one is disabled or expired, and none on reject", async () => {
        const zoe = await createAffiliate({ name: "Zoë", email: "zoe@example.com", status: "pending", code: "ZOE-OLD" })
        await api.post(`/admin/affiliate-codes/${zoe.codes[0].id}`, { expires_at: "2020-01-01T00:00:00Z" }, admin)
        const { data } = await api.post(`/admin/affiliates/${zoe.id}/approve`, {}, admin)
        expect(data.affiliate.codes.map((code: any) => code.code).sort()).toEqual(["ZOE", "ZOE-OLD"])

        const al = await createAffiliate({ name: "Al", email: "al@example.com", status: "pending" })
        const { data: rejected } = await api.post(`/admin/affiliates/${al.id}/reject`, { reason: "No site" }, admin)
        expect(rejected.affiliate.codes).toEqual([])
      })

      it("approves an unknown partner as a 404 and writes no code", async () => {
        const response = await errorOf(api.post("/admin/affiliates/aff_missing/approve", {}, admin))
        expect(response.status).toBe(404)
        expect(await service().listReferralCodes({})).toEqual([])
      })
    })
  },
})
