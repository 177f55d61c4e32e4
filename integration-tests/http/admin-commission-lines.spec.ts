import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { balanceOf, setStoreCurrencies } from "../helpers/affiliates"

jest.setTimeout(120_000)

// What an admin does to the ledger by hand: approve early, reject, hold for
// review and release (one line or many), and record adjustments and bonuses.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let affiliateId: string

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      // Adjustments must be in a currency the store sells in.
      await setStoreCurrencies(getContainer(), ["usd"])
      const { data } = await api.post(
        "/admin/affiliates",
        { name: "Ada", email: "ada@example.com", status: "active" },
        admin
      )
      affiliateId = data.affiliate.id
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const service = () => getContainer().resolve("affiliate")

    const lines = (...specs: { amount: number; status?: string; order_id?: string; type?: string; reverses_id?: string }[]) =>
      service().createCommissionLines(
        specs.map((spec, i) => ({
          affiliate_id: affiliateId,
          type: "sale",
          status: "pending",
          currency_code: "usd",
          order_id: `order_${i}`,
          ...spec,
        })) as any[]
      )

    const statuses = async (ids: string[]) =>
      Object.fromEntries(
        (await service().listCommissionLines({ id: ids })).map((line: any) => [line.id, line.status])
      )

    describe("approve, reject, hold and release", () => {
      it("approves pending lines early, in bulk, keeping who did it and why", async () => {
        const [a, b] = await lines({ amount: 5 }, { amount: 7.5 })
        const { data } = await api.post(
          "/admin/affiliate-commissions/approve",
          { ids: [a.id, b.id], reason: "Trusted partner" },
          admin
        )
        expect(data.commission_lines).toHaveLength(2)
        expect(data.commission_lines[0]).toMatchObject({
          status: "approved",
          status_reason: "Trusted partner",
          status_changed_by: admin.userId,
          approved_at: expect.any(String),
        })
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 12.5, pending: 0 })
      })

      it("rejects a line and its reversal together, so they keep netting to zero", async () => {
        const [sale] = await lines({ amount: 9 })
        const [reversal] = await lines({ amount: -9, type: "reversal", reverses_id: sale.id, order_id: "order_0" })
        await api.post("/admin/affiliate-commissions/reject", { ids: [sale.id], reason: "Fraudulent order" }, admin)
        expect(await statuses([sale.id, reversal.id])).toEqual({ [sale.id]: "rejected", [reversal.id]: "rejected" })
      })

      it("holds a line for review, out of the balance, and releases it", async () => {
        const [line] = await lines({ amount: 20, status: "approved" })
        await api.post("/admin/affiliate-commissions/hold", { ids: [line.id], reason: "Many clicks from one IP" }, admin)
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 0, pending: 20 })
        const { data } = await api.get(`/admin/affiliate-commissions?status=on_hold`, admin)
        expect(data.commission_lines.map((l: any) => l.id)).toEqual([line.id])

        await api.post("/admin/affiliate-commissions/release", { ids: [line.id] }, admin)
        expect(await statuses([line.id])).toEqual({ [line.id]: "pending" })
      })

      it("changes nothing when one line of a batch can't take the action", async () => {
        const [pending, paid] = await lines({ amount: 5 }, { amount: 6, status: "paid" })
        const response = await errorOf(
          api.post("/admin/affiliate-commissions/reject", { ids: [pending.id, paid.id] }, admin)
        )
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(`Cannot reject ${paid.id} (paid)`)
        expect(await statuses([pending.id, paid.id])).toEqual({ [pending.id]: "pending", [paid.id]: "paid" })
      })

      it.each([
        [{ ids: [] }, 400, "Invalid request: Value for field 'ids' too small, expected at least: '1'"],
        [{}, 400, "Invalid request: Field 'ids' is required"],
        [{ ids: "afcom_1" }, 400, "Invalid request: Expected type: 'array' for field 'ids', got: 'afcom_1'"],
        [{ ids: ["afcom_missing"] }, 404, "Commission line with id: afcom_missing was not found"],
      ])("refuses %j", async (body, status, message) => {
        const [line] = await lines({ amount: 5 })
        const response = await errorOf(api.post("/admin/affiliate-commissions/approve", body, admin))
        expect(response.status).toBe(status)
        expect(response.data.message).toBe(message)
        expect(await statuses([line.id])).toEqual({ [line.id]: "pending" })
      })
    })

    describe("GET /admin/affiliate-commissions with the partner and payout", () => {
      it("answers each line's partner and the payout it was settled in, when asked", async () => {
        const [settled, open] = await lines({ amount: 8, status: "approved" }, { amount: 3 })
        const { data: paid } = await api.post(
          `/admin/affiliates/${affiliateId}/payouts`,
          { currency_code: "usd", external_reference: "BANK-42" },
          admin
        )
        const fields = [
          "+affiliate.name",
          "+affiliate.email",
          "+payout.status",
          "+payout.method",
          "+payout.external_reference",
          "+payout.paid_at",
        ].join(",")
        const { data } = await api.get(`/admin/affiliate-commissions?order=amount&fields=${encodeURIComponent(fields)}`, admin)
        expect(data.commission_lines.map((line: any) => line.id)).toEqual([open.id, settled.id])
        expect(data.commission_lines[1]).toMatchObject({
          id: settled.id,
          amount: 8,
          payout_id: paid.payout.id,
          affiliate: { name: "Ada", email: "ada@example.com" },
          payout: {
            status: paid.payout.status,
            method: paid.payout.method,
            external_reference: "BANK-42",
          },
        })
        expect(data.commission_lines[0]).toMatchObject({ id: open.id, payout_id: null, payout: null })
      })

      it("answers only the line's own fields by default, and never the partner's payout details", async () => {
        await lines({ amount: 4 })
        const { data: plain } = await api.get("/admin/affiliate-commissions", admin)
        expect(plain.commission_lines[0].affiliate).toBeUndefined()
        expect(plain.commission_lines[0].payout).toBeUndefined()

        const { data } = await api.get(
          `/admin/affiliate-commissions?fields=${encodeURIComponent("+affiliate.name,+affiliate.payout_details,+payout.note")}`,
          admin
        )
        expect(data.commission_lines[0].affiliate).toEqual({ id: affiliateId, name: "Ada" })
        expect(data.commission_lines[0].payout).toBeUndefined()
      })
    })

    describe("manual adjustments and bonuses", () => {
      it("records a bonus and a negative adjustment with reason and admin", async () => {
        const { data: bonus } = await api.post(
          `/admin/affiliates/${affiliateId}/adjustments`,
          { type: "bonus", amount: 25, currency_code: "usd", reason: "Top partner in March" },
          admin
        )
        expect(bonus.commission_line).toMatchObject({
          type: "bonus",
          status: "approved",
          amount: 25,
          currency_code: "usd",
          reason: "Top partner in March",
          created_by: admin.userId,
        })
        await api.post(
          `/admin/affiliates/${affiliateId}/adjustments`,
          { type: "adjustment", amount: -5.56, currency_code: "USD", reason: "Shipping charged twice" },
          admin
        )
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 19.44 })
      })

      it.each([
        [{ type: "bonus", amount: -5, currency_code: "usd", reason: "Oops" }, "Invalid request: a bonus must be a positive amount"],
        [{ type: "adjustment", amount: 0, currency_code: "usd", reason: "Nothing" }, "Invalid request: amount must not be 0"],
        [{ type: "adjustment", amount: 5, currency_code: "usd" }, "Invalid request: Field 'reason' is required"],
        [{ type: "gift", amount: 5, currency_code: "usd", reason: "Why not" }, "Invalid request: Expected: 'adjustment, bonus' for field 'type', but got: 'gift'"],
        // Issue 9, defect 9: no more decimals than the currency has, rather than a silent rounding.
        [{ type: "adjustment", amount: -5.555, currency_code: "usd", reason: "Half a cent" }, "Invalid request: amount: -5.555 has more decimals than USD allows"],
      ])("refuses %j", async (body, message) => {
        const response = await errorOf(api.post(`/admin/affiliates/${affiliateId}/adjustments`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(message)
        expect(await service().listCommissionLines({ affiliate_id: affiliateId })).toEqual([])
      })

      it("refuses an adjustment for an unknown affiliate", async () => {
        const response = await errorOf(
          api.post("/admin/affiliates/aff_missing/adjustments", { type: "bonus", amount: 5, currency_code: "usd", reason: "Hello" }, admin)
        )
        expect(response.status).toBe(404)
        expect(response.data.message).toBe("Affiliate with id: aff_missing was not found")
      })
    })
  },
})
