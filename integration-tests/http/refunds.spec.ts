import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import reconcileAffiliateCommissionsJob from "../../src/jobs/reconcile-affiliate-commissions"
import { adjustEditedOrderCommissionsWorkflow, approveDueCommissionsWorkflow } from "../../src/workflows/commissions"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import {
  afterSubscribers,
  balanceOf,
  createAffiliateWithCode,
  daysFromNow,
  orderLines,
} from "../helpers/affiliates"

jest.setTimeout(120_000)

// Refunds take back commission in proportion to what was refunded; against a
// line already paid out, the negative line is a clawback on the next payout.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    /** A captured order of `quantity` $20 T-shirts plus $10 shipping, referred by `code`. */
    const referredOrder = (code: string, quantity: number) =>
      placeReferredOrder(api, getContainer(), store, { code, items: [[store.products[0], quantity]] })

    const paymentIdOf = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id`, admin)
      return data.order.payment_collections[0].payments[0].id as string
    }

    const refund = async (orderId: string, amount: number) =>
      afterSubscribers(getContainer(), "payment.refunded", async () =>
        api.post(`/admin/payments/${await paymentIdOf(orderId)}/refund`, { amount }, admin)
      )

    it("takes back the refunded share, once per refund, and the rest on cancel", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "HALF" })
      // $40 of items + $10 shipping = $50; commission 10% of $40 = $4.
      const order = await referredOrder("HALF", 2)
      await refund(order.id, 25)

      let lines = await orderLines(api, admin, order.id)
      expect(lines.map((line) => [line.type, line.amount, line.status])).toEqual([
        ["sale", 4, "pending"],
        ["reversal", -2, "pending"],
      ])
      expect(lines[1]).toMatchObject({ reverses_id: lines[0].id, reference: expect.stringMatching(/^refund:/) })

      // The same event again changes nothing.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const paymentId = await paymentIdOf(order.id)
      await afterSubscribers(getContainer(), "payment.refunded", () =>
        eventBus.emit({ name: "payment.refunded", data: { id: paymentId } })
      )
      expect(await orderLines(api, admin, order.id)).toHaveLength(2)

      // Canceling takes back only what is left.
      await afterSubscribers(getContainer(), "order.canceled", () =>
        api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      )
      lines = await orderLines(api, admin, order.id)
      expect(lines.map((line) => line.amount)).toEqual([4, -2, -2])

      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, pending: 0 })
    })

    it("claws back a refund of a paid-out order from the next payout", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CLAW" })
      const first = await referredOrder("CLAW", 2) // $4
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
      const { data: firstPayout } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)
      expect(firstPayout.payout.amount).toBe(4)

      await refund(first.id, 50)
      const [, clawback] = await orderLines(api, admin, first.id)
      expect(clawback).toMatchObject({ type: "clawback", amount: -4, status: "approved", payout_id: null })

      const second = await referredOrder("CLAW", 3) // $6
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(62) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 2 })

      const { data } = await api.post(`/admin/affiliates/${affiliate.id}/payouts`, {}, admin)
      expect(data.payout.amount).toBe(2)
      const [secondLine] = await orderLines(api, admin, second.id)
      expect(data.payout.lines.map((line: any) => line.id).sort()).toEqual([clawback.id, secondLine.id].sort())
    })

    it("adjusts the commission when an order edit changes the order, once per edit", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "EDIT" })
      const order = await referredOrder("EDIT", 1)
      expect((await orderLines(api, admin, order.id)).map((line) => line.amount)).toEqual([2])

      // The admin adds a second T-shirt: $40 of items now earn $4.
      await api.post("/admin/order-edits", { order_id: order.id }, admin)
      await api.post(
        `/admin/order-edits/${order.id}/items`,
        { items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }] },
        admin
      )
      await api.post(`/admin/order-edits/${order.id}/request`, {}, admin)
      await afterSubscribers(getContainer(), "order-edit.confirmed", () =>
        api.post(`/admin/order-edits/${order.id}/confirm`, {}, admin)
      )

      const lines = await orderLines(api, admin, order.id)
      expect(lines.map((line) => [line.type, line.amount, line.status])).toEqual([
        ["sale", 2, "pending"],
        ["adjustment", 2, "pending"],
      ])
      expect(lines[1]).toMatchObject({ reverses_id: lines[0].id, reference: "order_edit:v2", created_by: "system:order_edit" })

      // The same event again writes nothing.
      await adjustEditedOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(await orderLines(api, admin, order.id)).toHaveLength(2)
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
      expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 4 })
    })

    it("catches up on a refund whose payment.refunded never arrived (reconciliation)", async () => {
      await createAffiliateWithCode(api, admin, { code: "LOST" })
      const order = await referredOrder("LOST", 2)
      // Refunded in the payment module directly: no workflow, so no event.
      await getContainer().resolve(Modules.PAYMENT).refundPayment({ payment_id: await paymentIdOf(order.id), amount: 25 })
      expect(await orderLines(api, admin, order.id)).toHaveLength(1)

      await reconcileAffiliateCommissionsJob(getContainer())
      const lines = await orderLines(api, admin, order.id)
      expect(lines.map((line) => [line.type, line.amount])).toEqual([
        ["sale", 4],
        ["reversal", -2],
      ])
      // A second run finds nothing left to do.
      await reconcileAffiliateCommissionsJob(getContainer())
      expect(await orderLines(api, admin, order.id)).toHaveLength(2)
    })
  },
})
