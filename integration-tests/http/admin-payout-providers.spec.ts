import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { setStoreCurrencies } from "../helpers/affiliates"

jest.setTimeout(180_000)

// GET /admin/affiliate-payout-providers (issue 11): the methods the admin's
// pay drawer offers, `manual` first, then the providers of the plugin options.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      await setStoreCurrencies(getContainer(), ["usd"])
    })

    describe("GET /admin/affiliate-payout-providers", () => {
      it("lists manual first (the default) and the registered providers", async () => {
        const { status, data } = await api.get("/admin/affiliate-payout-providers", admin)
        expect(status).toEqual(200)
        expect(data).toEqual({
          payout_providers: [
            { id: "manual", is_default: true },
            { id: "sandbox", is_default: false },
          ],
          count: 2,
        })
      })

      it("lists exactly the ids a payout accepts as provider_id", async () => {
        const {
          data: { affiliate },
        } = await api.post("/admin/affiliates", { name: "Prov", email: "prov@partners.test", status: "active" }, admin)
        await api.post(
          `/admin/affiliates/${affiliate.id}/adjustments`,
          { type: "bonus", amount: 30, currency_code: "usd", reason: "test credit", status: "approved" },
          admin
        )
        const { data } = await api.get("/admin/affiliate-payout-providers", admin)
        const { data: paid } = await api.post(
          `/admin/affiliates/${affiliate.id}/payouts`,
          { currency_code: "usd", amount: 10, provider_id: data.payout_providers[1].id },
          admin
        )
        expect(paid.payout).toEqual(expect.objectContaining({ provider_id: "sandbox", amount: 10 }))

        const { response } = await api
          .post(`/admin/affiliates/${affiliate.id}/payouts`, { currency_code: "usd", amount: 5, provider_id: "nope" }, admin)
          .catch((e: any) => e)
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("nope")
      })

      it("answers 401 without an admin", async () => {
        const { response } = await api.get("/admin/affiliate-payout-providers").catch((e: any) => e)
        expect(response.status).toEqual(401)
      })
    })
  },
})
