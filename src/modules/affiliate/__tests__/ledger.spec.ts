import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AFFILIATE_MODULE } from "../types"
import AffiliateModuleService from "../service"
import * as models from "../models"

jest.setTimeout(60_000)

const actor = { actor_type: "user" as const, actor_id: "user_1" }

// The ledger methods: the only writers of the commission ledger. Exact
// amounts, a repeat writes nothing, and a transaction that fails half-way
// leaves nothing behind.
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { hold_days: 30, secret: "module-test-secret-0000" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getKnex()
    const createAffiliate = async (email: string) =>
      service.createAffiliates({ name: "Ada", email, status: "active" } as never)
    const auditOf = (ids: string[]) =>
      knex()("affiliate_audit_entry").whereIn("target_id", ids).orderBy("created_at").select("*")

    describe("createManualLines", () => {
      it("rounds each amount once to its currency and audits each line in the same transaction", async () => {
        const ada = await createAffiliate("ada@example.com")
        const written = await service.createManualLines({
          lines: [
            { affiliate_id: ada.id, type: "adjustment", amount: "-10.005", currency_code: "USD", reason: "Correction" },
            { affiliate_id: ada.id, type: "bonus", amount: "999.5", currency_code: "jpy", reason: "Launch", status: "pending" },
          ],
          actor,
        })
        expect(written).toEqual([
          { id: expect.stringMatching(/^afcom_/), affiliate_id: ada.id },
          { id: expect.stringMatching(/^afcom_/), affiliate_id: ada.id },
        ])
        const lines = await service.listCommissionLines({ id: written.map((line) => line.id) }, { order: { currency_code: "ASC" } })
        expect(lines.map((line) => [line.type, line.status, line.amount, line.currency_code, line.created_by])).toEqual([
          ["bonus", "pending", 1000, "jpy", "user_1"],
          ["adjustment", "approved", -10.01, "usd", "user_1"],
        ])
        const entries = await auditOf(written.map((line) => line.id))
        expect(entries.map((entry) => [entry.action, entry.actor_id, entry.after.amount])).toEqual(
          expect.arrayContaining([
            ["adjustment.created", "user_1", "-10.01"],
            ["bonus.created", "user_1", "1000"],
          ])
        )
      })

      it("writes nothing when one affiliate of the batch is unknown", async () => {
        const ada = await createAffiliate("ada@example.com")
        await expect(
          service.createManualLines({
            lines: [
              { affiliate_id: ada.id, type: "bonus", amount: 5, currency_code: "usd", reason: "Launch" },
              { affiliate_id: "aff_missing", type: "bonus", amount: 5, currency_code: "usd", reason: "Launch" },
            ],
            actor,
          })
        ).rejects.toThrow("Affiliate with id: aff_missing was not found")
        expect(await service.listCommissionLines({ affiliate_id: ada.id })).toEqual([])
      })
    })

    describe("recordLead", () => {
      const leadInput = (affiliate_id: string, customer_id = "cus_1") => ({
        lead: {
          affiliate_id,
          customer_id,
          source: "code",
          code_id: null,
          click_id: null,
          link_id: null,
          sub_id: null,
          sales_channel_id: null,
          utm_campaign: null,
          referred_at: new Date("2026-01-01T00:00:00Z"),
        },
        commission: { amount: "2.345", currency_code: "usd", rule_id: "afrule_1" },
        hold_reason: null,
        hold_days: 30,
        now: new Date("2026-01-01T00:00:00Z"),
      })

      it("writes the lead, the binding and the line once; a second call writes nothing", async () => {
        const ada = await createAffiliate("ada@example.com")
        const first = await service.recordLead(leadInput(ada.id))
        const again = await service.recordLead(leadInput(ada.id))
        expect(first).toMatchObject({ created: true, affiliate_id: ada.id, lines: [{ affiliate_id: ada.id }] })
        expect(again).toMatchObject({ created: false, lead_id: first.lead_id, lines: [] })

        const [line] = await service.listCommissionLines({ affiliate_id: ada.id })
        expect(line).toMatchObject({
          type: "lead",
          status: "pending",
          amount: 2.35,
          reference: `lead:${first.lead_id}`,
          hold_until: new Date("2026-01-31T00:00:00Z"),
        })
        expect(await service.listLeads({ customer_id: "cus_1" })).toHaveLength(1)
        expect(await service.listCustomerBindings({ customer_id: "cus_1" })).toHaveLength(1)
      })

      it("holds the line for review with the fraud screen's reason, and its inverse takes all of it back", async () => {
        const ada = await createAffiliate("ada@example.com")
        const recorded = await service.recordLead({ ...leadInput(ada.id, "cus_2"), hold_reason: "self_referral" })
        const [line] = await service.listCommissionLines({ affiliate_id: ada.id })
        expect(line).toMatchObject({ status: "on_hold", status_reason: "self_referral", status_changed_by: "system:fraud_check" })

        await service.undoLead(recorded.undo)
        expect(await service.listCommissionLines({ affiliate_id: ada.id })).toEqual([])
        expect(await service.listLeads({ customer_id: "cus_2" })).toEqual([])
        expect(await service.listCustomerBindings({ customer_id: "cus_2" })).toEqual([])
      })
    })

    describe("reverseRefundedShare", () => {
      it("takes back each refund's share in one transaction, exactly, and nothing the second time", async () => {
        const ada = await createAffiliate("ada@example.com")
        await service.createCommissionLines({
          affiliate_id: ada.id, type: "sale", status: "approved", amount: 10, currency_code: "usd", order_id: "order_1",
        } as never)
        const refunds = { order_id: "order_1", paid_total: "90", refunds: [{ id: "ref_1", amount: "30" }, { id: "ref_2", amount: "45" }] }
        const first = await service.reverseRefundedShare(refunds)
        const again = await service.reverseRefundedShare(refunds)
        expect(first).toHaveLength(2)
        expect(again).toEqual([])
        const lines = await service.listCommissionLines({ id: first.map((line) => line.id) }, { order: { reference: "ASC" } })
        // A third (3.333… → 3.33) and a half (5); never more than what is left.
        expect(lines.map((line) => [line.reference, line.amount])).toEqual([
          ["refund:ref_1", -3.33],
          ["refund:ref_2", -5],
        ])
      })
    })

    describe("writeOffNegativeBalances", () => {
      it("writes one line per negative balance and, failing half-way, leaves neither a line nor the period's claim", async () => {
        const ada = await createAffiliate("ada@example.com")
        const bob = await createAffiliate("bob@example.com")
        await service.createCommissionLines([
          { affiliate_id: ada.id, type: "clawback", status: "approved", amount: -4, currency_code: "usd" },
          { affiliate_id: bob.id, type: "clawback", status: "approved", amount: -6, currency_code: "usd" },
          // A rejected write-off of Bob's already holds the period's reference: the
          // second insert of the run breaks the unique index.
          { affiliate_id: bob.id, type: "write_off", status: "rejected", amount: 6, currency_code: "usd", reference: "write_off:2031-01" },
        ] as never[])
        await expect(service.writeOffNegativeBalances("2031-01")).rejects.toThrow()
        expect(await service.listCommissionLines({ affiliate_id: ada.id, type: "write_off" })).toEqual([])
        expect(await knex()("affiliate_period_run").where({ period: "2031-01" })).toEqual([])

        const written = await service.writeOffNegativeBalances("2031-02")
        expect(written.map((line) => line.affiliate_id).sort()).toEqual([ada.id, bob.id].sort())
        expect(await service.writeOffNegativeBalances("2031-02")).toEqual([])
        const [adaBalance] = await service.listBalances({ affiliate_id: ada.id })
        expect(adaBalance.available).toBe("0")
      })
    })

    describe("changeLinesStatus", () => {
      it("is all or none: one refused line changes nothing and audits nothing", async () => {
        const ada = await createAffiliate("ada@example.com")
        const [pending, paid] = await service.createCommissionLines([
          { affiliate_id: ada.id, type: "sale", status: "pending", amount: 5, currency_code: "usd", order_id: "o1" },
          { affiliate_id: ada.id, type: "sale", status: "paid", amount: 5, currency_code: "usd", order_id: "o2" },
        ] as never[])
        await expect(service.changeLinesStatus([pending.id, paid.id], "reject", { actor })).rejects.toThrow(
          `Cannot reject ${paid.id} (paid)`
        )
        const [after] = await service.listCommissionLines({ id: pending.id })
        expect(after.status).toBe("pending")
        expect(await auditOf([pending.id, paid.id])).toEqual([])

        const change = await service.changeLinesStatus([pending.id], "approve", { actor, reason: "Early" })
        expect(change.approved).toEqual([{ id: pending.id, affiliate_id: ada.id }])
        expect(await auditOf([pending.id])).toEqual([
          expect.objectContaining({
            action: "commission.approved",
            actor_type: "user",
            actor_id: "user_1",
            before: { status: "pending", status_reason: null },
            after: { status: "approved", status_reason: "Early" },
          }),
        ])
      })
    })
  },
})
