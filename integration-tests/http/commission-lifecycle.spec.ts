import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import approveAffiliateCommissionsJob from "../../src/jobs/approve-affiliate-commissions"
import reconcileAffiliateCommissionsJob from "../../src/jobs/reconcile-affiliate-commissions"
import {
  accrueOrderCommissionsWorkflow,
  approveDueCommissionsWorkflow,
} from "../../src/workflows/commissions"
import { type AdminAuth } from "../helpers/admin"
import { setUpDemoStore } from "../helpers/demo-suite"
import {
  afterSubscribers,
  balanceOf,
  createAffiliateWithCode,
  daysFromNow,
  orderLines,
} from "../helpers/affiliates"
import {
  addShippingMethod,
  completeCart,
  createCart,
  initPaymentSession,
  storeHeaders,
} from "../helpers/checkout"

jest.setTimeout(120_000)

// The money path end to end: a code on a cart becomes a pending line when the
// order is placed, the line's hold starts when the order is paid, the approval
// job approves it, and a payout settles it.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    /** A cart with one $20 T-shirt per `quantity`, a code applied, ready to complete. */
    const cartWithCode = async (code: string | null, providerId: string, quantity = 1, email = "shopper@example.com") => {
      const cart = await createCart(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        items: [{ variant_id: store.products[0].variantIds[0], quantity }],
        email,
      })
      if (code) {
        await api.post(`/store/carts/${cart.id}/referral`, { code }, storeHeaders(store.publishableKey))
      }
      await addShippingMethod(api, store.publishableKey, cart.id)
      await initPaymentSession(api, store.publishableKey, cart.id, providerId)
      return cart
    }

    const placeOrder = (cartId: string) =>
      afterSubscribers(getContainer(), "order.placed", () =>
        completeCart(api, store.publishableKey, cartId)
      )

    const approveAt = (now: Date) =>
      approveDueCommissionsWorkflow(getContainer()).run({ input: { now } })

    describe("a code on the cart", () => {
      it("turns the placed order into one pending line with the right amount and currency", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const cart = await cartWithCode("ada10", DEMO_PAYMENT_PROVIDERS.system, 2)
        const order = await placeOrder(cart.id)

        const lines = await orderLines(api, admin, order.id)
        expect(lines).toEqual([
          expect.objectContaining({
            affiliate_id: affiliate.id,
            order_id: order.id,
            type: "sale",
            status: "pending",
            level: 0,
            source: "code",
            // 10% (the program default) of 2 × $20; shipping is not commissionable.
            amount: 4,
            base_amount: 40,
            rate: 10,
            rule: "program_default",
            currency_code: "usd",
            paid_by_customer_at: null,
          }),
        ])
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, pending: 4 })
      })

      it("uses the affiliate's own rate over the program default", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "VIP", commission_rate: 12.5 })
        const cart = await cartWithCode("VIP", DEMO_PAYMENT_PROVIDERS.system, 1)
        const order = await placeOrder(cart.id)
        const [line] = await orderLines(api, admin, order.id)
        expect(line).toMatchObject({ affiliate_id: affiliate.id, amount: 2.5, rate: 12.5, rule: "affiliate" })
      })

      it("writes one line however often order.placed is delivered", async () => {
        await createAffiliateWithCode(api, admin, { code: "TWICE" })
        const cart = await cartWithCode("TWICE", DEMO_PAYMENT_PROVIDERS.system)
        const order = await placeOrder(cart.id)

        // Redeliver the event twice at once and once more afterwards.
        const container = getContainer()
        await Promise.all([
          accrueOrderCommissionsWorkflow(container).run({ input: { order_id: order.id } }),
          accrueOrderCommissionsWorkflow(container).run({ input: { order_id: order.id } }),
        ])
        await accrueOrderCommissionsWorkflow(container).run({ input: { order_id: order.id } })

        const lines = await orderLines(api, admin, order.id)
        expect(lines).toHaveLength(1)
        expect(lines[0].amount).toBe(2)
      })

      it("holds the line for review when the shopper is the affiliate, until an admin releases it", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "SELFIE", email: "self@partners.test" })
        const cart = await cartWithCode("SELFIE", DEMO_PAYMENT_PROVIDERS.autoCapture)
        // The code was applied under another address; the order is placed under the affiliate's.
        await api.post(`/store/carts/${cart.id}`, { email: "SELF@partners.test" }, storeHeaders(store.publishableKey))
        const order = await placeOrder(cart.id)

        const [held] = await orderLines(api, admin, order.id)
        expect(held).toMatchObject({
          status: "on_hold",
          status_reason: "self_referral",
          status_changed_by: "system:fraud_check",
          amount: 2,
        })
        // Held lines are neither dropped nor payable; the paid order still started its hold period.
        expect(held.paid_by_customer_at).not.toBeNull()
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, pending: 2 })

        await api.post("/admin/affiliate-commissions/release", { ids: [held.id], reason: "Bought as a gift" }, admin)
        await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
        expect(await orderLines(api, admin, order.id)).toEqual([
          expect.objectContaining({ id: held.id, status: "approved" }),
        ])
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 2, pending: 0 })
      })

      it("credits a returning customer's later orders to the affiliate of their first (lifetime)", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LIFE" })
        const first = await placeOrder((await cartWithCode("LIFE", DEMO_PAYMENT_PROVIDERS.system, 1, "loyal@example.com")).id)
        const again = await placeOrder((await cartWithCode(null, DEMO_PAYMENT_PROVIDERS.system, 2, "loyal@example.com")).id)
        const stranger = await placeOrder((await cartWithCode(null, DEMO_PAYMENT_PROVIDERS.system, 1, "new@example.com")).id)

        expect(again.customer_id).toBe(first.customer_id)
        expect(await orderLines(api, admin, again.id)).toEqual([
          expect.objectContaining({ affiliate_id: affiliate.id, source: "lifetime", amount: 4 }),
        ])
        expect(await orderLines(api, admin, stranger.id)).toEqual([])
      })

      it("earns nothing for an order placed without a referral", async () => {
        await createAffiliateWithCode(api, admin, { code: "NOBODY" })
        const cart = await cartWithCode(null, DEMO_PAYMENT_PROVIDERS.autoCapture)
        const order = await placeOrder(cart.id)
        expect(await orderLines(api, admin, order.id)).toEqual([])
      })
    })

    describe("paid, held, approved and paid out", () => {
      it("starts the hold for a payment captured at checkout and pays the approved line out", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CARD" })
        const cart = await cartWithCode("CARD", DEMO_PAYMENT_PROVIDERS.autoCapture, 3)
        const order = await placeOrder(cart.id)

        const [line] = await orderLines(api, admin, order.id)
        expect(line).toMatchObject({ status: "pending", amount: 6 })
        expect(line.paid_by_customer_at).toBeTruthy()
        const holdDays =
          (new Date(line.hold_until).getTime() - new Date(line.paid_by_customer_at).getTime()) / 86_400_000
        expect(holdDays).toBe(30)

        // Not before the hold ends...
        await approveAt(daysFromNow(29))
        expect((await orderLines(api, admin, order.id))[0].status).toBe("pending")
        // ...and once it has.
        await approveAt(daysFromNow(31))
        expect((await orderLines(api, admin, order.id))[0].status).toBe("approved")
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 6, pending: 0 })

        const { data } = await api.post(
          `/admin/affiliates/${affiliate.id}/payouts`,
          { method: "bank_transfer", external_reference: "TX-1001" },
          admin
        )
        expect(data.payout).toMatchObject({
          affiliate_id: affiliate.id,
          amount: 6,
          currency_code: "usd",
          status: "paid",
          method: "bank_transfer",
          external_reference: "TX-1001",
          created_by: admin.userId,
        })
        expect(data.payout.lines.map((paid: any) => paid.id)).toEqual([line.id])
        expect(data.payout.lines[0]).toMatchObject({ status: "paid", payout_id: data.payout.id })

        const { data: fetched } = await api.get(`/admin/affiliate-payouts/${data.payout.id}`, admin)
        expect(fetched.payout.lines.map((paid: any) => paid.id)).toEqual([line.id])
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, paid: 6 })

        const { data: history } = await api.get(`/admin/affiliate-payouts?affiliate_id=${affiliate.id}`, admin)
        expect(history.payouts.map((payout: any) => payout.id)).toEqual([data.payout.id])
      })

      it("starts the hold when an admin captures the payment later", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LATER" })
        const cart = await cartWithCode("LATER", DEMO_PAYMENT_PROVIDERS.system)
        const order = await placeOrder(cart.id)
        expect((await orderLines(api, admin, order.id))[0].paid_by_customer_at).toBeNull()

        // Authorized only: the approval job must leave it alone however late it runs.
        await approveAt(daysFromNow(365))
        expect((await orderLines(api, admin, order.id))[0].status).toBe("pending")

        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.id`, admin)
        const paymentId = data.order.payment_collections[0].payments[0].id
        await afterSubscribers(getContainer(), "payment.captured", () =>
          api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
        )

        const [line] = await orderLines(api, admin, order.id)
        expect(line.paid_by_customer_at).toBeTruthy()
        await approveAt(daysFromNow(31))
        expect((await orderLines(api, admin, order.id))[0].status).toBe("approved")

        const { data: paid } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)
        expect(paid.payout.amount).toBe(2)
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, paid: 2 })
      })

      it("lets the scheduled jobs catch a lost order.placed and a capture no event announced", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LOST" })
        const cart = await cartWithCode("LOST", DEMO_PAYMENT_PROVIDERS.autoCapture)
        // Complete the cart without waiting for, or counting on, the subscriber,
        // then delete what it wrote, as if the event had never arrived.
        const order = await placeOrder(cart.id)
        const service = getContainer().resolve("affiliate")
        const written = await service.listCommissionLines({ order_id: order.id })
        await service.deleteCommissionLines(written.map((line: any) => line.id))
        const [attribution] = await service.listAttributions({ order_id: order.id })
        await service.updateAttributions({ id: attribution.id, order_id: null })
        expect(await orderLines(api, admin, order.id)).toEqual([])

        await reconcileAffiliateCommissionsJob(getContainer())
        const [line] = await orderLines(api, admin, order.id)
        expect(line).toMatchObject({ affiliate_id: affiliate.id, amount: 2, status: "pending" })
        expect(line.paid_by_customer_at).toBeTruthy()

        // The job itself, not only its workflow, approves once the hold is over.
        jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval", "queueMicrotask"], now: daysFromNow(31) })
        try {
          await approveAffiliateCommissionsJob(getContainer())
        } finally {
          jest.useRealTimers()
        }
        expect((await orderLines(api, admin, order.id))[0].status).toBe("approved")
      })

      it("marks lines paid when the reconciliation job finds a capture that no event announced", async () => {
        await createAffiliateWithCode(api, admin, { code: "QUIET" })
        const cart = await cartWithCode("QUIET", DEMO_PAYMENT_PROVIDERS.system)
        const order = await placeOrder(cart.id)

        // Capture in the payment module directly: no workflow, so no event.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [withPayments],
        } = await query.graph({
          entity: "order",
          fields: ["payment_collections.payments.id"],
          filters: { id: order.id },
        })
        await getContainer()
          .resolve("payment")
          .capturePayment({ payment_id: withPayments.payment_collections![0]!.payments![0]!.id })
        expect((await orderLines(api, admin, order.id))[0].paid_by_customer_at).toBeNull()

        await reconcileAffiliateCommissionsJob(getContainer())
        expect((await orderLines(api, admin, order.id))[0].paid_by_customer_at).toBeTruthy()
      })
    })

    describe("cancellation", () => {
      it("reverses an approved line with a negative line and brings the balance back to zero", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "UNDO" })
        const cart = await cartWithCode("UNDO", DEMO_PAYMENT_PROVIDERS.autoCapture, 2)
        const order = await placeOrder(cart.id)
        await approveAt(daysFromNow(31))
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 4 })

        await afterSubscribers(getContainer(), "order.canceled", () =>
          api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        )

        const lines = await orderLines(api, admin, order.id)
        expect(lines).toHaveLength(2)
        const [sale, reversal] = lines
        expect(sale).toMatchObject({ type: "sale", amount: 4, status: "approved" })
        expect(reversal).toMatchObject({
          type: "reversal",
          amount: -4,
          status: "approved",
          reverses_id: sale.id,
          reference: "order_canceled",
        })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0 })

        const { response } = await api
          .post(`/admin/affiliates/${affiliate.id}/payouts`, { currency_code: "usd" }, admin)
          .catch((e: any) => e)
        expect(response.status).toBe(400)
        expect(response.data.message).toBe(`Affiliate ${affiliate.id} has no available balance in USD to pay`)
      })

      it("claws back a line already paid out from the next payout", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CLAW" })
        const first = await placeOrder((await cartWithCode("CLAW", DEMO_PAYMENT_PROVIDERS.autoCapture, 2)).id)
        await approveAt(daysFromNow(31))
        await api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)

        await afterSubscribers(getContainer(), "order.canceled", () =>
          api.post(`/admin/orders/${first.id}/cancel`, {}, admin)
        )
        const [, clawback] = await orderLines(api, admin, first.id)
        expect(clawback).toMatchObject({ type: "clawback", amount: -4, status: "approved", payout_id: null })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: -4, paid: 4 })
      })
    })
  },
})
