import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { setUpDemoStore } from "../helpers/demo-suite"
import { placeOrder } from "../helpers/checkout"

// Sanity check of the test host: the demo store, both payment providers and the
// checkout helpers that the plugin's own HTTP tests build on.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const checkout = (providerId: string) =>
      placeOrder(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        items: [{ variant_id: store.products[0].variantIds[0], quantity: 2 }],
        providerId,
      })

    const paymentOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "payment_collections.status",
          "payment_collections.amount",
          "payment_collections.captured_amount",
          "payment_collections.payments.captured_at",
        ],
        filters: { id: orderId },
      })
      return order.payment_collections![0]!
    }

    describe("checkout through the store API", () => {
      it("places an authorized, uncaptured order with pp_system_default", async () => {
        const { order } = await checkout(DEMO_PAYMENT_PROVIDERS.system)

        // 2 × $20 + $10 shipping
        expect(order).toEqual(expect.objectContaining({ currency_code: "usd", total: 50 }))

        const payment = await paymentOf(order.id)
        expect(payment.status).toEqual("authorized")
        expect(payment.captured_amount).toEqual(0)
        expect(payment.payments![0]!.captured_at).toBeNull()

        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_status`, admin)
        expect(data.order.payment_status).toEqual("authorized")
      })

      it("captures at checkout with pp_autocapture_autocapture", async () => {
        const { order } = await checkout(DEMO_PAYMENT_PROVIDERS.autoCapture)

        const payment = await paymentOf(order.id)
        expect(payment.status).toEqual("completed")
        expect(payment.captured_amount).toEqual(50)
        expect(payment.payments![0]!.captured_at).toBeTruthy()

        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_status`, admin)
        expect(data.order.payment_status).toEqual("captured")
      })

      it("rejects an admin route without the admin token", async () => {
        const { response } = await api.get("/admin/orders").catch((e: any) => e)
        expect(response.status).toEqual(401)
      })
    })
  },
})
