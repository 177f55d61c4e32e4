import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { balanceOf } from "../helpers/affiliates"

jest.setTimeout(120_000)

// Admin routes: partners, codes, the ledger, balances and payouts, with the
// error each bad request gets and proof that it wrote nothing.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const service = () => getContainer().resolve("affiliate")

    const createAffiliate = async (body: Record<string, unknown> = {}) =>
      (
        await api.post(
          "/admin/affiliates",
          { name: "Ada Lovelace", email: "ada@example.com", status: "active", ...body },
          admin
        )
      ).data.affiliate

    /** Approved ledger lines, as the approval job would leave them. */
    const approvedLines = (affiliateId: string, amounts: number[], currency = "usd") =>
      service().createCommissionLines(
        amounts.map((amount, i) => ({
          affiliate_id: affiliateId,
          type: "sale",
          status: "approved",
          amount,
          currency_code: currency,
          order_id: `order_${currency}_${i}`,
        })) as any[]
      )

    describe("affiliates", () => {
      it("creates, lists, filters, updates and reads an affiliate", async () => {
        const parent = await createAffiliate({ name: "Grace Hopper", email: "grace@example.com" })
        const created = await createAffiliate({
          email: "ADA@Example.com",
          company: "Analytical Engines",
          website: "https://ada.example.com",
          commission_rate: 15,
          parent_id: parent.id,
          parent_commission_ends_at: "2030-01-01T00:00:00Z",
          status: "pending",
        })
        expect(created).toMatchObject({
          id: expect.stringMatching(/^aff_/),
          email: "ada@example.com",
          status: "pending",
          commission_rate: 15,
          parent_id: parent.id,
          approved_at: null,
        })

        const { data: pending } = await api.get("/admin/affiliates?status=pending", admin)
        expect(pending.affiliates.map((a: any) => a.id)).toEqual([created.id])
        const { data: searched } = await api.get("/admin/affiliates?q=grace", admin)
        expect(searched.affiliates.map((a: any) => a.id)).toEqual([parent.id])
        const { data: all } = await api.get("/admin/affiliates?limit=1&order=-created_at", admin)
        expect(all).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(all.affiliates.map((a: any) => a.id)).toEqual([created.id])

        const { data: updated } = await api.post(`/admin/affiliates/${created.id}`, { phone: "+1 555 0100", commission_rate: null }, admin)
        expect(updated.affiliate).toMatchObject({ phone: "+1 555 0100", commission_rate: null })
        const { data: fetched } = await api.get(`/admin/affiliates/${created.id}`, admin)
        expect(fetched.affiliate).toMatchObject({ id: created.id, phone: "+1 555 0100", codes: [] })
      })

      it("approves, suspends and deactivates, keeping the history", async () => {
        const affiliate = await createAffiliate({ status: "pending" })
        await approvedLines(affiliate.id, [5])
        const { data: approved } = await api.post(`/admin/affiliates/${affiliate.id}/approve`, {}, admin)
        expect(approved.affiliate).toMatchObject({ status: "active", approved_at: expect.any(String) })
        const { data: suspended } = await api.post(`/admin/affiliates/${affiliate.id}/suspend`, {}, admin)
        expect(suspended.affiliate.status).toBe("suspended")
        const { data: deactivated } = await api.post(`/admin/affiliates/${affiliate.id}/deactivate`, {}, admin)
        expect(deactivated.affiliate.status).toBe("deactivated")
        // Deactivating deletes nothing from the ledger.
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 5 })

        const response = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/suspend`, {}, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(`Cannot suspend affiliate ${affiliate.id}: its status is deactivated`)
      })

      it.each([
        [{ email: "ada@example.com" }, "Invalid request: Field 'name' is required"],
        [{ name: "Ada", email: "not-an-email" }, "Invalid request: email: not an email address"],
        [{ name: "Ada", email: "a@example.com", commission_rate: 120 }, "Invalid request: Value for field 'commission_rate' too big, expected at most: '100'"],
        [{ name: "Ada", email: "a@example.com", status: "suspended" }, "Invalid request: Expected: 'pending, active' for field 'status', but got: 'suspended'"],
        [{ name: "Ada", email: "a@example.com", role: "boss" }, "Invalid request: Unrecognized fields: 'role'"],
      ])("refuses to create %j", async (body, message) => {
        const response = await errorOf(api.post("/admin/affiliates", body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(message)
        expect(await service().listAffiliates({})).toEqual([])
      })

      it("refuses a taken email, an unknown parent and unknown ids", async () => {
        await createAffiliate()
        const taken = await errorOf(api.post("/admin/affiliates", { name: "Ada 2", email: "Ada@example.com" }, admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toMatch(/Affiliate with email: ada@example.com, already exists/)

        const orphan = await errorOf(api.post("/admin/affiliates", { name: "Orphan", email: "o@example.com", parent_id: "aff_missing" }, admin))
        expect(orphan.status).toBe(404)
        expect(orphan.data.message).toBe("parent_id: affiliate with id: aff_missing was not found")
        expect(await service().listAffiliates({})).toHaveLength(1)

        for (const [method, url] of [
          ["get", "/admin/affiliates/aff_missing"],
          ["post", "/admin/affiliates/aff_missing"],
          ["post", "/admin/affiliates/aff_missing/approve"],
          ["get", "/admin/affiliates/aff_missing/balances"],
          ["post", "/admin/affiliates/aff_missing/payouts"],
          ["get", "/admin/affiliate-payouts/afpay_missing"],
        ] as const) {
          const response = await errorOf(
            method === "get" ? api.get(url, admin) : api.post(url, {}, admin)
          )
          expect([url, response.status]).toEqual([url, 404])
          expect(response.data.message).toMatch(/(aff_missing|afpay_missing).*not found|not found.*(aff_missing|afpay_missing)/)
        }
      })

      it("refuses every admin route without an admin session", async () => {
        const response = await errorOf(api.get("/admin/affiliates"))
        expect(response.status).toBe(401)
      })
    })

    describe("referral codes", () => {
      it("creates a code with aliases, case-insensitively unique", async () => {
        const affiliate = await createAffiliate()
        const { data } = await api.post(
          `/admin/affiliates/${affiliate.id}/codes`,
          { code: "ada10", aliases: ["ADA", "lovelace"] },
          admin
        )
        expect(data.referral_code).toMatchObject({
          id: expect.stringMatching(/^afcode_/),
          code: "ADA10",
          is_active: true,
          aliases: [expect.objectContaining({ code: "ADA" }), expect.objectContaining({ code: "LOVELACE" })],
        })
        const { data: list } = await api.get(`/admin/affiliates/${affiliate.id}/codes`, admin)
        expect(list.count).toBe(3)

        const taken = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/codes`, { code: "NEW", aliases: ["Lovelace"] }, admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toMatch(/code: LOVELACE, already exists/)
        // The new code was not written without its alias.
        expect(await service().listReferralCodes({ code: "NEW" })).toEqual([])
      })

      it.each([
        [{ code: "a" }, "Invalid request: code must be 3 to 32 letters, digits, - or _"],
        [{ code: "has space" }, "Invalid request: code must be 3 to 32 letters, digits, - or _"],
        [{}, "Invalid request: Field 'code' is required"],
      ])("refuses %j", async (body, message) => {
        const affiliate = await createAffiliate()
        const response = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/codes`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(message)
        expect(await service().listReferralCodes({})).toEqual([])
      })

      it("refuses a code for an unknown affiliate and an update of an unknown code", async () => {
        const response = await errorOf(api.post("/admin/affiliates/aff_missing/codes", { code: "ABC" }, admin))
        expect(response.status).toBe(404)
        expect(response.data.message).toBe("Affiliate with id: aff_missing was not found")
        const update = await errorOf(api.post("/admin/affiliate-codes/afcode_missing", { is_active: false }, admin))
        expect(update.status).toBe(404)
        expect(update.data.message).toMatch(/afcode_missing/)
      })
    })

    describe("ledger, balances and payouts", () => {
      it("filters the ledger and keeps currencies apart in balances", async () => {
        const affiliate = await createAffiliate()
        await approvedLines(affiliate.id, [10, 2.5])
        await approvedLines(affiliate.id, [7], "eur")
        const { data } = await api.get(`/admin/affiliate-commissions?affiliate_id=${affiliate.id}&currency_code=eur`, admin)
        expect(data.commission_lines).toEqual([expect.objectContaining({ amount: 7, currency_code: "eur" })])

        const { data: balances } = await api.get(`/admin/affiliates/${affiliate.id}/balances`, admin)
        expect(balances.balances).toEqual([
          expect.objectContaining({ currency_code: "eur", available: 7, payable: true }),
          expect.objectContaining({ currency_code: "usd", available: 12.5, payable: true }),
        ])
        const { data: due } = await api.get("/admin/affiliate-balances?payable=true&currency_code=usd", admin)
        expect(due.balances).toEqual([expect.objectContaining({ affiliate_id: affiliate.id, available: 12.5 })])

        // Two currencies: the payout must say which.
        const response = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(`currency_code is required: affiliate ${affiliate.id} has balances in EUR, USD`)
        const { data: paid } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, { currency_code: "eur" }, admin)
        expect(paid.payout).toMatchObject({ amount: 7, currency_code: "eur" })
        expect(await balanceOf(api, admin, affiliate.id, "usd")).toMatchObject({ available: 12.5 })
      })

      it.each([
        [{ amount: -5 }, "Invalid request: amount: must be positive"],
        [{ amount: "ten" }, "Invalid request: Expected type: 'number' for field 'amount', got: 'ten'"],
        [{ amount: 0 }, "Invalid request: amount: must be positive"],
        [{ currency_code: "dollars" }, "Invalid request: currency_code: a 3-letter ISO 4217 currency code"],
        [{ amount: 20.01 }, "amount 20.01 exceeds the available balance of 20 USD; set allow_exceeding_balance to pay more"],
      ])("refuses a payout of %j and writes nothing", async (body, message) => {
        const affiliate = await createAffiliate()
        await approvedLines(affiliate.id, [20])
        const response = await errorOf(api.post(`/admin/affiliates/${affiliate.id}/payouts`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(message)
        expect(await service().listPayouts({})).toEqual([])
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 20, paid: 0 })
      })

      it("pays a chosen amount, carrying the rest, and more than the balance only when allowed", async () => {
        const affiliate = await createAffiliate()
        await approvedLines(affiliate.id, [30, 30])
        const { data: partial } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, { amount: 45, note: "First half" }, admin)
        expect(partial.payout.amount).toBe(45)
        const sum = partial.payout.lines.reduce((total: number, line: any) => total + line.amount, 0)
        expect(sum).toBe(45)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 15, paid: 45 })

        const { data: advance } = await api.post(
          `/admin/affiliates/${affiliate.id}/payouts`,
          { amount: 20, allow_exceeding_balance: true },
          admin
        )
        expect(advance.payout.amount).toBe(20)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: -5, paid: 65 })
      })

      it("pays once when two admins pay the same affiliate at the same moment", async () => {
        const affiliate = await createAffiliate()
        await approvedLines(affiliate.id, [10, 15, 5])
        const results = await Promise.all(
          [1, 2, 3].map(() => errorOf(api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)).then((r: any) => r ?? null))
        )
        const attempts = await Promise.allSettled(
          [1, 2].map(() => api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin))
        )
        // The first round paid the whole balance exactly once...
        const payouts = await service().listPayouts({}, { relations: ["lines"] })
        expect(payouts).toHaveLength(1)
        expect(payouts[0].amount).toBe(30)
        expect(payouts[0].lines).toHaveLength(3)
        expect(results.filter((r: any) => r?.status === 400)).toHaveLength(2)
        // ...and later attempts find nothing left to pay.
        expect(attempts.every((attempt) => attempt.status === "rejected")).toBe(true)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, paid: 30 })
      })
    })
  },
})
