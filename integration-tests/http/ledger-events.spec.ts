import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import { listAuditEntries } from "../../src/modules/affiliate/audit/audit-log"
import { AffiliateEvents } from "../../src/types/events"
import { AuditAction } from "../../src/types/audit"
import {
  accrueOrderCommissionsWorkflow,
  approveDueCommissionsWorkflow,
  ORDER_CANCELED_REVERSAL,
  reverseOrderCommissionsWorkflow,
} from "../../src/workflows/commissions"
import { affiliateService } from "../../src/workflows/affiliate-service"
import type { AdminAuth } from "../helpers/admin"
import { afterSubscribers, createAffiliateWithCode, daysFromNow, orderLines } from "../helpers/affiliates"
import { registerCustomer, storeHeaders } from "../helpers/checkout"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { recordAffiliateEvents } from "../helpers/events"

jest.setTimeout(180_000)

const { COMMISSION_CREATED, COMMISSION_APPROVED, COMMISSION_REVERSED, LEAD_CREATED } = AffiliateEvents

// The ledger's events (I1), one per change and none for a repeat that writes
// nothing, and the audit log (J2) of an admin's actions on lines.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth
    let events: ReturnType<typeof recordAffiliateEvents>

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
      events = recordAffiliateEvents(getContainer())
    })
    afterEach(() => events.stop())

    const service = () => affiliateService(getContainer())
    const payloads = (name: string) => events.named(name).map((event) => event.data)
    const auditOf = async (targetId: string) =>
      (
        await listAuditEntries(getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION), { target_id: targetId }, {
          limit: 50,
          offset: 0,
        })
      ).entries

    it("announces a referred order's line once, its approval once and its reversal once", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "EVENTS" })
      const order = await placeReferredOrder(api, getContainer(), store, {
        code: "EVENTS",
        items: [[store.products[0], 2]],
      })
      await events.waitFor(COMMISSION_CREATED)
      const [sale] = await orderLines(api, admin, order.id)
      expect(payloads(COMMISSION_CREATED)).toEqual([{ id: sale.id, affiliate_id: affiliate.id }])

      // order.placed delivered again: nothing written, nothing announced.
      await accrueOrderCommissionsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await events.settle()
      expect(events.named(COMMISSION_CREATED)).toHaveLength(1)

      // The hold passes (paid at checkout): approved once, by the job.
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(31) } })
      await approveDueCommissionsWorkflow(getContainer()).run({ input: { now: daysFromNow(32) } })
      await events.waitFor(COMMISSION_APPROVED)
      await events.settle()
      expect(payloads(COMMISSION_APPROVED)).toEqual([{ id: sale.id, affiliate_id: affiliate.id }])

      // Canceled: one reversal, announced once, also when the cancel is repeated.
      await afterSubscribers(getContainer(), "order.canceled", () =>
        api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      )
      await reverseOrderCommissionsWorkflow(getContainer()).run({
        input: { order_id: order.id, ...ORDER_CANCELED_REVERSAL },
      })
      await events.waitFor(COMMISSION_REVERSED)
      await events.settle()
      const reversal = (await orderLines(api, admin, order.id)).find((line: any) => line.type === "reversal")
      expect(reversal).toMatchObject({ amount: -4, reverses_id: sale.id })
      expect(payloads(COMMISSION_REVERSED)).toEqual([{ id: reversal.id, affiliate_id: affiliate.id }])
      expect(events.named(COMMISSION_CREATED)).toHaveLength(1)
    })

    it("announces a lead and its commission once; a second sign-up call announces nothing", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LEADEV" })
      await api.post("/admin/affiliate-rules", { scope: "program", kind: "fixed_lead", amounts: { usd: 3 } }, admin)
      const shopper = await registerCustomer(api, store.publishableKey, "lead-events@example.com")
      const headers = storeHeaders(store.publishableKey, { authorization: shopper.authorization })

      const { data } = await api.post("/store/referrals/leads", { code: "LEADEV" }, headers)
      await events.waitFor(LEAD_CREATED)
      await events.waitFor(COMMISSION_CREATED)
      const [lead] = await service().listLeads({ customer_id: shopper.customer.id })
      const [line] = await service().listCommissionLines({ affiliate_id: affiliate.id, type: "lead" })
      expect(data.referral_lead.id).toBe(lead.id)
      expect(payloads(LEAD_CREATED)).toEqual([{ id: lead.id, affiliate_id: affiliate.id }])
      expect(payloads(COMMISSION_CREATED)).toEqual([{ id: line.id, affiliate_id: affiliate.id }])
      expect(line).toMatchObject({ amount: 3, currency_code: "usd", reference: `lead:${lead.id}` })

      const again = await api.post("/store/referrals/leads", { code: "LEADEV" }, headers)
      expect(again.status).toBe(200)
      await events.settle()
      expect(events.named(LEAD_CREATED)).toHaveLength(1)
      expect(events.named(COMMISSION_CREATED)).toHaveLength(1)
    })

    describe("an admin's actions on lines", () => {
      let affiliateId: string
      beforeEach(async () => {
        ;({
          affiliate: { id: affiliateId },
        } = await createAffiliateWithCode(api, admin, { code: "AUDIT" }))
      })

      const pendingLine = async (amount: number, order_id: string) =>
        service().createCommissionLines({
          affiliate_id: affiliateId,
          type: "sale",
          status: "pending",
          amount,
          currency_code: "usd",
          order_id,
        } as never)

      it("audits approve, hold, release and reject with the admin, the reason and the status before and after", async () => {
        const early = await pendingLine(5, "order_a")
        const doubtful = await pendingLine(7, "order_b")
        const actor = { actor_type: "user", actor_id: admin.userId }

        await api.post("/admin/affiliate-commissions/approve", { ids: [early.id], reason: "Trusted partner" }, admin)
        await events.waitFor(COMMISSION_APPROVED)
        expect(payloads(COMMISSION_APPROVED)).toEqual([{ id: early.id, affiliate_id: affiliateId }])

        await api.post("/admin/affiliate-commissions/hold", { ids: [doubtful.id], reason: "Many clicks" }, admin)
        await api.post("/admin/affiliate-commissions/release", { ids: [doubtful.id] }, admin)
        await api.post("/admin/affiliate-commissions/reject", { ids: [doubtful.id], reason: "Test order" }, admin)

        expect(await auditOf(early.id)).toEqual([
          expect.objectContaining({
            ...actor,
            action: AuditAction.COMMISSION_APPROVED,
            target_type: "commission_line",
            affiliate_id: affiliateId,
            before: { status: "pending", status_reason: null },
            after: { status: "approved", status_reason: "Trusted partner" },
            reason: "Trusted partner",
          }),
        ])
        // Newest first: reject, release, hold.
        expect(
          (await auditOf(doubtful.id)).map((entry: any) => [entry.action, entry.before.status, entry.after.status, entry.actor_id])
        ).toEqual([
          [AuditAction.COMMISSION_REJECTED, "pending", "rejected", admin.userId],
          [AuditAction.COMMISSION_RELEASED, "on_hold", "pending", admin.userId],
          [AuditAction.COMMISSION_HELD, "pending", "on_hold", admin.userId],
        ])
        // Only the approval approved anything.
        await events.settle()
        expect(events.named(COMMISSION_APPROVED)).toHaveLength(1)
      })

      it("audits an adjustment and a bonus and announces each line once", async () => {
        const adjustment = await api.post(
          `/admin/affiliates/${affiliateId}/adjustments`,
          { type: "adjustment", amount: -2.5, currency_code: "usd", reason: "Correction" },
          admin
        )
        const bonus = await api.post(
          `/admin/affiliates/${affiliateId}/adjustments`,
          { type: "bonus", amount: 10, currency_code: "usd", reason: "Launch bonus", status: "pending" },
          admin
        )
        const adjustmentId = adjustment.data.commission_line.id
        const bonusId = bonus.data.commission_line.id
        expect(adjustment.data.commission_line).toMatchObject({ type: "adjustment", amount: -2.5, status: "approved" })

        await events.waitFor(COMMISSION_CREATED, 2)
        expect(payloads(COMMISSION_CREATED)).toEqual([
          { id: adjustmentId, affiliate_id: affiliateId },
          { id: bonusId, affiliate_id: affiliateId },
        ])
        expect(await auditOf(adjustmentId)).toEqual([
          expect.objectContaining({
            actor_type: "user",
            actor_id: admin.userId,
            action: AuditAction.ADJUSTMENT_CREATED,
            before: null,
            after: { amount: "-2.5", currency_code: "usd", status: "approved" },
            reason: "Correction",
          }),
        ])
        expect(await auditOf(bonusId)).toEqual([
          expect.objectContaining({
            actor_id: admin.userId,
            action: AuditAction.BONUS_CREATED,
            after: { amount: "10", currency_code: "usd", status: "pending" },
          }),
        ])
      })

      it("writes neither a line, an audit entry nor an event for an unknown affiliate", async () => {
        const { response } = await api
          .post(
            "/admin/affiliates/aff_missing/adjustments",
            { type: "bonus", amount: 10, currency_code: "usd", reason: "Launch bonus" },
            admin
          )
          .catch((e: any) => e)
        expect(response.status).toBe(404)
        await events.settle()
        expect(events.all().filter((event) => event.name.startsWith("affiliate_commission"))).toEqual([])
        expect(await service().listCommissionLines({})).toEqual([])
      })
    })
  },
})
