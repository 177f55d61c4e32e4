import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { afterSubscribers, createAffiliateWithCode } from "../helpers/affiliates"
import { placeOrder, storeHeaders } from "../helpers/checkout"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"

jest.setTimeout(120_000)

// The order and customer widgets of the admin read these two routes: who
// referred an order, its lines and why it earned nothing; the partner a
// customer is bound to and their referred orders.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    /** A checkout of one T-shirt with no referral at all. */
    const placeUnreferredOrder = async () =>
      afterSubscribers(getContainer(), "order.placed", async () =>
        (
          await placeOrder(api, {
            publishableKey: store.publishableKey,
            regionId: store.regionIds.usd,
            salesChannelId: store.salesChannelId,
            countryCode: "us",
            items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
            providerId: DEMO_PAYMENT_PROVIDERS.autoCapture,
          })
        ).order
      )

    /** The customer Medusa recorded on an order (the store's order answer leaves it out). */
    const customerOf = async (orderId: string): Promise<string> => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,customer_id`, admin)
      return data.order.customer_id
    }

    describe("GET /admin/orders/:id/affiliate-attribution", () => {
      it("names the partner, the source code and the order's lines", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10", name: "Ada Lovelace" })
        const order = await placeReferredOrder(api, getContainer(), store, { code: "ADA10", items: [[store.products[0], 2]] })

        const { data } = await api.get(`/admin/orders/${order.id}/affiliate-attribution`, admin)
        expect(data.attribution).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^afattr_/),
            source: "code",
            code: "ADA10",
            rejection_reason: null,
            currency_code: "usd",
            affiliate: { id: affiliate.id, name: "Ada Lovelace", email: "ada10@partners.test", status: "active" },
          })
        )
        expect(data.commission_lines).toEqual([
          expect.objectContaining({
            id: expect.stringMatching(/^afcom_/),
            type: "sale",
            status: "pending",
            level: 0,
            affiliate_id: affiliate.id,
            currency_code: "usd",
            amount: expect.any(Number),
          }),
        ])
        expect(data.commission_lines[0].amount).toBeGreaterThan(0)
      })

      it("records affiliate_not_active and no lines when the partner was suspended before checkout", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "SUSP", name: "Suspended Partner" })
        const order = await afterSubscribers(getContainer(), "order.placed", async () =>
          (
            await placeOrder(api, {
              publishableKey: store.publishableKey,
              regionId: store.regionIds.usd,
              salesChannelId: store.salesChannelId,
              countryCode: "us",
              items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
              providerId: DEMO_PAYMENT_PROVIDERS.autoCapture,
              beforeComplete: async (cart) => {
                await api.post(`/store/carts/${cart.id}/referral`, { code: "SUSP" }, storeHeaders(store.publishableKey))
                await api.post(`/admin/affiliates/${affiliate.id}/suspend`, {}, admin)
              },
            })
          ).order
        )

        const { data } = await api.get(`/admin/orders/${order.id}/affiliate-attribution`, admin)
        expect(data.attribution).toEqual(
          expect.objectContaining({
            source: "code",
            code: "SUSP",
            rejection_reason: "affiliate_not_active",
            affiliate: expect.objectContaining({ id: affiliate.id, status: "suspended" }),
          })
        )
        expect(data.commission_lines).toEqual([])
      })

      it("answers null and no lines for an order nobody referred", async () => {
        const order = await placeUnreferredOrder()
        const { data } = await api.get(`/admin/orders/${order.id}/affiliate-attribution`, admin)
        expect(data).toEqual({ attribution: null, commission_lines: [] })
      })

      it("answers 404 for an unknown order and 400 naming the param for a malformed id", async () => {
        const unknown = await api.get(`/admin/orders/order_unknown/affiliate-attribution`, admin).catch((e) => e)
        expect(unknown.response.status).toEqual(404)
        expect(unknown.response.data.message).toContain("order_unknown")

        const malformed = await api.get(`/admin/orders/bad%20id!/affiliate-attribution`, admin).catch((e) => e)
        expect(malformed.response.status).toEqual(400)
        expect(malformed.response.data.message).toMatch(/^id: not a valid id/)

        const query = await api.get(`/admin/orders/order_x/affiliate-attribution?foo=1`, admin).catch((e) => e)
        expect(query.response.status).toEqual(400)
        expect(query.response.data.message).toContain("foo")
      })

      it("refuses a request without an admin session", async () => {
        const { response } = await api.get(`/admin/orders/order_x/affiliate-attribution`).catch((e) => e)
        expect(response.status).toEqual(401)
      })
    })

    describe("GET /admin/customers/:id/affiliate-binding", () => {
      it("shows the partner the customer is bound to and their referred orders", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10", name: "Ada Lovelace" })
        const first = await placeReferredOrder(api, getContainer(), store, { code: "ADA10", items: [[store.products[0], 1]] })
        const second = await placeReferredOrder(api, getContainer(), store, { code: "ADA10", items: [[store.products[0], 3]] })
        const customerId = await customerOf(first.id)
        expect(customerId).toBeTruthy()

        const { data } = await api.get(`/admin/customers/${customerId}/affiliate-binding`, admin)
        expect(data.binding).toEqual(
          expect.objectContaining({
            affiliate: { id: affiliate.id, name: "Ada Lovelace", email: "ada10@partners.test", status: "active" },
            bound_at: expect.any(String),
            until: null,
          })
        )
        // Both checkouts used the same e-mail, so Medusa recorded one guest customer: newest first.
        expect(await customerOf(second.id)).toEqual(customerId)
        const orders = data.orders
        expect(orders.map((o: any) => o.order_id)).toEqual([second.id, first.id])
        expect(orders[orders.length - 1]).toEqual(
          expect.objectContaining({
            display_id: expect.any(Number),
            source: "code",
            affiliate_id: affiliate.id,
            rejection_reason: null,
            commission_totals: [{ currency_code: "usd", amount: expect.any(Number) }],
          })
        )
        expect(orders[orders.length - 1].commission_totals[0].amount).toBeGreaterThan(0)
      })

      it("answers a null binding and no orders for a customer nobody referred", async () => {
        const order = await placeUnreferredOrder()
        const { data } = await api.get(`/admin/customers/${await customerOf(order.id)}/affiliate-binding`, admin)
        expect(data).toEqual({ binding: null, orders: [] })
      })

      it("answers 404, 400 naming the param, and 401 on its error paths", async () => {
        const unknown = await api.get(`/admin/customers/cus_unknown/affiliate-binding`, admin).catch((e) => e)
        expect(unknown.response.status).toEqual(404)

        const malformed = await api.get(`/admin/customers/${"x".repeat(65)}/affiliate-binding`, admin).catch((e) => e)
        expect(malformed.response.status).toEqual(400)
        expect(malformed.response.data.message).toMatch(/^id: not a valid id/)

        const anonymous = await api.get(`/admin/customers/cus_x/affiliate-binding`).catch((e) => e)
        expect(anonymous.response.status).toEqual(401)
      })
    })
  },
})
