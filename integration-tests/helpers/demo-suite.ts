import type { MedusaContainer } from "@medusajs/framework/types"
import { createDemoStore, DEMO_PAYMENT_PROVIDERS, type DemoProduct, type DemoStore } from "../../dev/demo-store"
import { createAdminUser, type AdminAuth } from "./admin"
import { afterSubscribers } from "./affiliates"
import { type HttpClient, placeOrder, storeHeaders } from "./checkout"

/**
 * What most HTTP suites start each test with: the demo store and an admin.
 * Call it in `beforeEach`: the runner resets the database between tests.
 */
export async function setUpDemoStore(container: MedusaContainer): Promise<{ store: DemoStore; admin: AdminAuth }> {
  return { store: await createDemoStore(container), admin: await createAdminUser(container) }
}

/**
 * A real checkout referred by `code` (or a click `token`), with `items` as [product, quantity],
 * resolved once `order.placed` has been handled. Captured at checkout unless
 * another provider is given; `eur` uses the Europe region.
 */
export function placeReferredOrder(
  api: HttpClient,
  container: MedusaContainer,
  store: DemoStore,
  {
    code,
    token,
    items,
    currency = "usd",
    providerId = DEMO_PAYMENT_PROVIDERS.autoCapture,
  }: { code?: string; token?: string; items: [DemoProduct, number][]; currency?: "usd" | "eur"; providerId?: string }
) {
  return afterSubscribers(container, "order.placed", async () =>
    (
      await placeOrder(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds[currency],
        salesChannelId: store.salesChannelId,
        countryCode: currency === "usd" ? "us" : "de",
        items: items.map(([product, quantity]) => ({ variant_id: product.variantIds[0], quantity })),
        providerId,
        beforeComplete: async (cart) => {
          await api.post(`/store/carts/${cart.id}/referral`, code ? { code } : { token }, storeHeaders(store.publishableKey))
        },
      })
    ).order
  )
}
