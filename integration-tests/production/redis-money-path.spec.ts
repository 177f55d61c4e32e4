import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import { approveDueCommissionsWorkflow } from "../../src/workflows/commissions"
import { type AdminAuth } from "../helpers/admin"
import { setUpDemoStore } from "../helpers/demo-suite"
import { balanceOf, createAffiliateWithCode, daysFromNow, orderLines } from "../helpers/affiliates"
import {
  addShippingMethod,
  completeCart,
  createCart,
  initPaymentSession,
  storeHeaders,
} from "../helpers/checkout"

jest.setTimeout(180_000)

/**
 * Polls until `check` passes. With the Redis event bus, subscribers run on
 * BullMQ workers, so there is no in-process hook to wait on; this waits for
 * their effect instead, and fails after `timeoutMs`.
 */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!check(value)) {
    if (Date.now() > deadline) {
      throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await read()
  }
  return value
}

// The money path on Medusa's production profile: Redis event bus, workflow
// engine, cache and locking. Runs only when REDIS_URL is set (npm test sets it
// when a Redis server answers on 127.0.0.1:6379).
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip

describeWithRedis("production profile (Redis)", () => {
  medusaIntegrationTestRunner({
    inApp: true,
    env: {},
    testSuite: ({ api, getContainer }) => {
      let store: DemoStore
      let admin: AdminAuth

      beforeEach(async () => {
        ;({ store, admin } = await setUpDemoStore(getContainer()))
      })

      it("runs on the Redis modules", () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        expect(eventBus.constructor.name).toMatch(/Redis/)
      })

      it("accrues once for a duplicated order.placed, pays once for racing payouts, and reverses on cancel", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "REDIS" })
        const cart = await createCart(api, {
          publishableKey: store.publishableKey,
          regionId: store.regionIds.usd,
          salesChannelId: store.salesChannelId,
          items: [{ variant_id: store.products[0].variantIds[0], quantity: 2 }],
        })
        await api.post(`/store/carts/${cart.id}/referral`, { code: "REDIS" }, storeHeaders(store.publishableKey))
        await addShippingMethod(api, store.publishableKey, cart.id)
        await initPaymentSession(api, store.publishableKey, cart.id, DEMO_PAYMENT_PROVIDERS.autoCapture)
        const order = await completeCart(api, store.publishableKey, cart.id)

        await eventually(() => orderLines(api, admin, order.id), (lines) => lines.length === 1)

        // The same event again, twice at once, as a redelivery after a crash would.
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        await eventBus.emit([
          { name: "order.placed", data: { id: order.id } },
          { name: "order.placed", data: { id: order.id } },
        ])
        // Wait until the Redis queue has processed both deliveries.
        await eventually(
          () => (eventBus as any).queue_.getJobCounts("waiting", "active", "delayed", "prioritized"),
          (counts: Record<string, number>) => Object.values(counts).every((count) => count === 0)
        )
        const lines = await orderLines(api, admin, order.id)
        expect(lines.every((line: any) => line.paid_by_customer_at)).toBe(true)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatchObject({ affiliate_id: affiliate.id, amount: 4, status: "pending" })

        await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
        const attempts = await Promise.allSettled([
          api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin),
          api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin),
        ])
        expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1)
        const refused = attempts.find((attempt) => attempt.status === "rejected") as PromiseRejectedResult
        expect(refused.reason.response.status).toBe(400)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, paid: 4 })

        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        const afterCancel = await eventually(
          () => orderLines(api, admin, order.id),
          (found) => found.length === 2
        )
        expect(afterCancel[1]).toMatchObject({ type: "clawback", amount: -4, status: "approved" })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: -4, paid: 4 })
      })
    },
  })
})
