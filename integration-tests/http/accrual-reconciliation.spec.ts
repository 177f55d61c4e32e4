import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import reconcileAffiliateCommissionsJob from "../../src/jobs/reconcile-affiliate-commissions"
import type { AccrueOrderInput } from "../../src/modules/affiliate/ledger/accrual"
import AffiliateModuleService from "../../src/modules/affiliate/service"
import {
  accrueOrderCommissionsWorkflow,
  approveDueCommissionsWorkflow,
} from "../../src/workflows/commissions"
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

// Defect 2 of issue 9: an accrual is written in one transaction, and the
// reconciliation repairs from the ledger's invariants what a killed process
// left undone (accrual, cancel, refund, edit), whatever events were seen.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const service = () => getContainer().resolve<AffiliateModuleService>("affiliate")
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    /** A captured order of `quantity` $20 T-shirts plus shipping, referred by `code`: 10% of the items. */
    const referredOrder = (code: string, quantity: number) =>
      placeReferredOrder(api, getContainer(), store, { code, items: [[store.products[0], quantity]] })

    /** What the plugin holds for an order: its attribution, its binding, its lines. */
    const ledgerOf = async (orderId: string, customerId?: string | null) => {
      const [attribution] = await service().listAttributions({ cart_id: { $ne: null } } as any, {
        order: { created_at: "DESC" },
        take: 1,
      })
      const linked = await service().listAttributions({ order_id: orderId })
      const bindings = customerId ? await service().listCustomerBindings({ customer_id: customerId }) : []
      const lines = await service().listCommissionLines({ order_id: orderId }, { order: { created_at: "ASC" } })
      return { attribution, linked, bindings, lines }
    }

    const customerOf = async (orderId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
      return data[0].customer_id as string
    }

    /**
     * Puts an order back to "placed, not accrued": what the plugin had before
     * `order.placed` was handled (its cart's attribution unlinked, no binding,
     * no lines).
     */
    const unaccrue = async (orderId: string, customerId: string) => {
      await sql().raw(`DELETE FROM affiliate_commission_line WHERE order_id = ?`, [orderId])
      await sql().raw(`DELETE FROM affiliate_customer_binding WHERE customer_id = ?`, [customerId])
      await sql().raw(
        `UPDATE affiliate_attribution
            SET order_id = NULL, rejection_reason = NULL, ordered_at = NULL, order_total = NULL,
                currency_code = NULL, priced_version = NULL
          WHERE order_id = ?`,
        [orderId]
      )
    }

    const reconcile = () => reconcileAffiliateCommissionsJob(getContainer())

    /** Runs the reconciliation job twice (the second must find nothing to do) and returns the order's lines. */
    const reconcileTwice = async (orderId: string) => {
      await reconcile()
      await reconcile()
      return await orderLines(api, admin, orderId)
    }

    const cancel = (orderId: string) =>
      afterSubscribers(getContainer(), "order.canceled", () => api.post(`/admin/orders/${orderId}/cancel`, {}, admin))

    /** What a process killed after Medusa's change and before the plugin's line leaves: no line for it. */
    const forgetNegativeLines = (orderId: string) =>
      sql().raw(`DELETE FROM affiliate_commission_line WHERE order_id = ? AND type <> 'sale'`, [orderId])
    const countRows = async () => {
      const { rows } = await sql().raw(
        `SELECT (SELECT COUNT(*) FROM affiliate_commission_line)::int AS lines,
                (SELECT COUNT(*) FROM affiliate_attribution)::int AS attributions,
                (SELECT COUNT(*) FROM affiliate_customer_binding)::int AS bindings`
      )
      return rows[0]
    }

    describe("accrueOrder (the module method)", () => {
      it("writes nothing when a line violates the ledger's unique index in the middle of the transaction", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ATOMIC" })
        const order = await referredOrder("ATOMIC", 2)
        const customerId = await customerOf(order.id)
        await unaccrue(order.id, customerId)
        const before = await ledgerOf(order.id, customerId)
        expect(before.linked).toHaveLength(0)

        const line = { affiliate_id: affiliate.id, level: 0, amount: 4, base_amount: 40, rate: 10, rule: "program_default" }
        const input: AccrueOrderInput = {
          order_id: order.id,
          attribution: {
            id: before.attribution.id,
            affiliate_id: affiliate.id,
            source: before.attribution.source,
            referred_at: before.attribution.referred_at,
          },
          order: { customer_id: customerId, sales_channel_id: null, ordered_at: new Date(), total: 50, currency_code: "usd", version: 1 },
          rejection_reason: null,
          hold_reason: null,
          binding: { customer_id: customerId, affiliate_id: affiliate.id, referred_at: before.attribution.referred_at },
          // The same affiliate and level twice: the second breaks the sale index
          // after the attribution, the binding and the first line were written.
          lines: [line, line],
          paid_at: new Date(),
          hold_days: 30,
        }
        await expect(service().accrueOrder(input)).rejects.toThrow(/already exists|duplicate key|unique/i)

        const after = await ledgerOf(order.id, customerId)
        expect(after.linked).toHaveLength(0)
        expect(after.attribution).toMatchObject({ id: before.attribution.id, order_id: null, rejection_reason: null })
        expect(after.bindings).toHaveLength(0)
        expect(after.lines).toHaveLength(0)

        // With one line, two calls at once write it all once (the second waits
        // on the attribution's row lock), and a third call writes nothing more.
        const [first, racing] = await Promise.all([
          service().accrueOrder({ ...input, lines: [line] }),
          service().accrueOrder({ ...input, lines: [line] }),
        ])
        expect(racing.line_ids).toEqual(first.line_ids)
        const counts = await countRows()
        const second = await service().accrueOrder({ ...input, lines: [line] })
        expect(second.line_ids).toEqual(first.line_ids)
        expect(second.undo).toMatchObject({ line_ids: [], binding_id: null, linked_attribution_id: null })
        expect(await countRows()).toEqual(counts)
        const written = await ledgerOf(order.id, customerId)
        expect(written.linked).toHaveLength(1)
        expect(written.bindings).toHaveLength(1)
        expect(written.lines.map((l: any) => [l.type, l.amount, l.level])).toEqual([["sale", 4, 0]])
        expect(written.lines[0].paid_by_customer_at).toBeTruthy()
      })

      it("writes nothing when the process fails after the attribution and binding were written, and the next run accrues it all", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "MIDWAY" })
        const order = await referredOrder("MIDWAY", 2)
        const customerId = await customerOf(order.id)
        await unaccrue(order.id, customerId)

        // The ledger write fails inside the transaction, after the attribution
        // was linked and the binding inserted.
        // (On the class: the container hands out the service behind a proxy.)
        const spy = jest
          .spyOn(AffiliateModuleService.prototype, "createCommissionLines")
          .mockImplementationOnce(async () => {
            throw new Error("killed between the attribution and the lines")
          })
        try {
          const { errors } = await accrueOrderCommissionsWorkflow(getContainer()).run({
            input: { order_id: order.id },
            throwOnError: false,
          })
          expect(errors.map((e: any) => e.error?.message)).toEqual(["killed between the attribution and the lines"])
          expect(spy).toHaveBeenCalledTimes(1)
        } finally {
          spy.mockRestore()
        }
        const failed = await ledgerOf(order.id, customerId)
        expect(failed.linked).toHaveLength(0)
        expect(failed.bindings).toHaveLength(0)
        expect(failed.lines).toHaveLength(0)

        // Reconciliation finds the attributed cart and accrues it, exactly once.
        const lines = await reconcileTwice(order.id)
        expect(lines.map((l) => [l.type, l.amount, l.status, l.affiliate_id])).toEqual([
          ["sale", 4, "pending", affiliate.id],
        ])
        expect(lines[0].paid_by_customer_at).toBeTruthy()
        const repaired = await ledgerOf(order.id, customerId)
        expect(repaired.linked).toHaveLength(1)
        expect(repaired.linked[0]).toMatchObject({ rejection_reason: null, priced_version: 1 })
        expect(repaired.bindings).toMatchObject([{ affiliate_id: affiliate.id, order_id: order.id }])
      })

      it("records why an attributed order earns nothing, and reconciliation leaves it alone", async () => {
        await createAffiliateWithCode(api, admin, { code: "ZERO", commission_rate: 0 })
        const order = await referredOrder("ZERO", 2)
        expect(await orderLines(api, admin, order.id)).toEqual([])
        const [attribution] = await service().listAttributions({ order_id: order.id })
        expect(attribution.rejection_reason).toBe("no_commission")

        const counts = await countRows()
        await reconcile()
        expect(await countRows()).toEqual(counts)
      })
    })

    describe("reconciliation from invariants", () => {
      it("repairs an order a killed older version left linked without lines, with exact amounts, once", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "KILLED" })
        const order = await referredOrder("KILLED", 3) // $60 of items: $6
        // What a process killed between the old attribute and record steps
        // left: the attribution linked to the order, and no line.
        await sql().raw(`DELETE FROM affiliate_commission_line WHERE order_id = ?`, [order.id])
        expect((await service().listAttributions({ order_id: order.id }))[0]).toMatchObject({ rejection_reason: null })
        expect(await orderLines(api, admin, order.id)).toEqual([])

        await reconcile()
        let lines = await orderLines(api, admin, order.id)
        expect(lines.map((l) => [l.type, l.amount, l.base_amount, l.rate, l.status])).toEqual([
          ["sale", 6, 60, 10, "pending"],
        ])
        expect(lines[0]).toMatchObject({ affiliate_id: affiliate.id, level: 0 })
        expect(lines[0].paid_by_customer_at).toBeTruthy()

        // Twice more, and the accrual redelivered: nothing is written twice.
        const counts = await countRows()
        await reconcile()
        await accrueOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: order.id } })
        await reconcile()
        expect(await countRows()).toEqual(counts)

        await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 6, pending: 0 })
      })

      it("reverses a cancellation whose reversal was never written", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "CANCEL" })
        const order = await referredOrder("CANCEL", 2) // $4
        await cancel(order.id)
        // Killed after Medusa canceled the order, before the reversal was written.
        await forgetNegativeLines(order.id)
        expect((await orderLines(api, admin, order.id)).map((l) => l.amount)).toEqual([4])

        const lines = await reconcileTwice(order.id)
        expect(lines.map((l) => [l.type, l.amount, l.reference])).toEqual([
          ["sale", 4, null],
          ["reversal", -4, "order_canceled"],
        ])
        expect(lines[1].reverses_id).toBe(lines[0].id)
        await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
        expect(await balanceOf(api, admin, affiliate.id)).toMatchObject({ available: 0, pending: 0 })
      })

      it("accrues and then reverses a canceled order whose accrual and reversal were both lost", async () => {
        await createAffiliateWithCode(api, admin, { code: "BOTH" })
        const order = await referredOrder("BOTH", 2)
        const customerId = await customerOf(order.id)
        await cancel(order.id)
        await unaccrue(order.id, customerId)

        const lines = await reconcileTwice(order.id)
        expect(lines.map((l) => [l.type, l.amount, l.reference])).toEqual([
          ["sale", 4, null],
          ["reversal", -4, "order_canceled"],
        ])
      })

      it("takes back the share of a refund whose reversal was never written", async () => {
        await createAffiliateWithCode(api, admin, { code: "REFUND" })
        const order = await referredOrder("REFUND", 2) // $50 paid, $4 commission
        const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.id`, admin)
        const paymentId = data.order.payment_collections[0].payments[0].id
        await afterSubscribers(getContainer(), "payment.refunded", () =>
          api.post(`/admin/payments/${paymentId}/refund`, { amount: 25 }, admin)
        )
        const handled = await orderLines(api, admin, order.id)
        expect(handled.map((l) => l.amount)).toEqual([4, -2])
        const reference = handled[1].reference
        await forgetNegativeLines(order.id)

        const lines = await reconcileTwice(order.id)
        expect(lines.map((l) => [l.type, l.amount, l.reference])).toEqual([
          ["sale", 4, null],
          ["reversal", -2, reference],
        ])
      })

      it("re-prices a confirmed order edit whose adjustment was never written", async () => {
        await createAffiliateWithCode(api, admin, { code: "EDITED" })
        const order = await referredOrder("EDITED", 1) // $2
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
        expect((await orderLines(api, admin, order.id)).map((l) => l.amount)).toEqual([2, 2])
        // Killed after Medusa confirmed the edit, before the adjustment was written.
        await forgetNegativeLines(order.id)
        await sql().raw(`UPDATE affiliate_attribution SET priced_version = 1 WHERE order_id = ?`, [order.id])

        const lines = await reconcileTwice(order.id)
        expect(lines.map((l) => [l.type, l.amount, l.reference])).toEqual([
          ["sale", 2, null],
          ["adjustment", 2, "order_edit:v2"],
        ])
        expect((await service().listAttributions({ order_id: order.id }))[0].priced_version).toBe(2)
      })
    })
  },
})
