import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AuditAction, type AuditActor } from "../../../types"
import * as models from "../models"
import AffiliateModuleService from "../service"
import { AFFILIATE_MODULE } from "../types"

jest.setTimeout(60_000)

const admin: AuditActor = { actor_type: "user", actor_id: "user_admin" }

// The audit log (J2) on real PostgreSQL: append-only, and written in the same
// transaction as the change it records.
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { secret: "module-test-secret-0000" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (statement: string, params: unknown[] = []) =>
      MikroOrmWrapper.forkManager().getConnection().execute(statement, params)
    const entries = async (affiliateId: string) =>
      (await service.listAuditEntries({ affiliate_id: affiliateId }, { limit: 100, offset: 0 })).entries
    const createAffiliate = async (status = "pending") =>
      (await service.createAffiliatesAudited([{ name: "Ada", email: "ada@example.com", status }], admin))[0]

    describe("affiliate_audit_entry", () => {
      it("refuses UPDATE and DELETE, so an entry stays as written", async () => {
        const affiliate = await createAffiliate()
        const [entry] = await entries(affiliate.id)
        expect(entry).toMatchObject({ action: AuditAction.AFFILIATE_CREATED, actor_id: "user_admin" })

        await expect(sql(`UPDATE affiliate_audit_entry SET actor_id = 'someone_else' WHERE id = ?`, [entry.id])).rejects.toThrow(
          /append-only/
        )
        await expect(sql(`DELETE FROM affiliate_audit_entry WHERE id = ?`, [entry.id])).rejects.toThrow(/append-only/)
        await expect(sql(`DELETE FROM affiliate_audit_entry`)).rejects.toThrow(/append-only/)
        expect(await entries(affiliate.id)).toEqual([entry])
      })
    })

    describe("audited changes", () => {
      it("writes the status change and its entry together, with the reason and only what changed", async () => {
        const affiliate = await createAffiliate()
        const now = new Date("2026-12-01T12:00:00Z")
        const { affiliate: approved, previous } = await service.changeAffiliateStatus(
          { id: affiliate.id, action: "approve", reason: "Looks legit", now },
          admin
        )
        expect(approved).toMatchObject({ status: "active" })
        expect(previous).toEqual({ id: affiliate.id, status: "pending", approved_at: null })
        const [entry] = await entries(affiliate.id)
        expect(entry).toMatchObject({
          action: AuditAction.AFFILIATE_STATUS_CHANGED,
          actor_type: "user",
          actor_id: "user_admin",
          target_type: "affiliate",
          target_id: affiliate.id,
          affiliate_id: affiliate.id,
          before: { status: "pending", approved_at: null },
          after: { status: "active", approved_at: now.toISOString() },
          reason: "Looks legit",
        })
      })

      it("writes nothing when the transition is refused", async () => {
        const affiliate = await createAffiliate("active")
        await expect(service.changeAffiliateStatus({ id: affiliate.id, action: "approve" }, admin)).rejects.toThrow(
          `Cannot approve affiliate ${affiliate.id}: its status is active`
        )
        expect((await entries(affiliate.id)).map((entry) => entry.action)).toEqual([AuditAction.AFFILIATE_CREATED])
      })

      it("rolls the change back when its entry can't be written (one transaction)", async () => {
        const affiliate = await createAffiliate()
        const impossible = { actor_type: "robot", actor_id: "x" } as unknown as AuditActor
        await expect(service.changeAffiliateStatus({ id: affiliate.id, action: "approve" }, impossible)).rejects.toThrow()
        await expect(service.updateAffiliatesAudited([{ id: affiliate.id, name: "Eve" }], impossible)).rejects.toThrow()
        await expect(service.createAffiliatesAudited([{ name: "Eve", email: "eve@example.com" }], impossible)).rejects.toThrow()

        expect(await service.retrieveAffiliate(affiliate.id)).toMatchObject({ status: "pending", name: "Ada" })
        expect(await service.listAffiliates({ email: "eve@example.com" })).toEqual([])
        expect(await entries(affiliate.id)).toHaveLength(1)
      })

      it("logs only real changes, and undoes an update with what it returned", async () => {
        const affiliate = await createAffiliate()
        const { previous } = await service.updateAffiliatesAudited(
          [{ id: affiliate.id, name: "Ada", phone: "+1 555 0100", commission_rate: 12 }],
          admin
        )
        expect(previous).toEqual([{ id: affiliate.id, phone: null, commission_rate: null }])
        const noop = await service.updateAffiliatesAudited([{ id: affiliate.id, phone: "+1 555 0100" }], admin)
        expect(noop.previous).toEqual([])

        await service.updateAffiliatesAudited(previous, { actor_type: "system", actor_id: "test" }, "undone")
        expect(await service.retrieveAffiliate(affiliate.id)).toMatchObject({ phone: null, commission_rate: null })
        const [undo, update] = await entries(affiliate.id)
        expect(update).toMatchObject({
          action: AuditAction.AFFILIATE_UPDATED,
          before: { phone: null, commission_rate: null },
          after: { phone: "+1 555 0100", commission_rate: 12 },
        })
        expect(undo).toMatchObject({
          actor_type: "system",
          reason: "undone",
          before: { phone: "+1 555 0100", commission_rate: 12 },
          after: { phone: null, commission_rate: null },
        })
      })

      it("logs the undo of a failed workflow as entries of its own: a status put back, a creation deleted", async () => {
        const affiliate = await createAffiliate()
        const { previous } = await service.changeAffiliateStatus({ id: affiliate.id, action: "approve" }, admin)
        const workflow: AuditActor = { actor_type: "system", actor_id: "set-affiliate-status" }
        await service.restoreAffiliateStatus(previous, admin, "undone")
        expect(await service.retrieveAffiliate(affiliate.id)).toMatchObject({ status: "pending", approved_at: null })
        await service.deleteAffiliatesAudited([affiliate.id], workflow, "undone")
        expect(await service.listAffiliates({ id: affiliate.id })).toEqual([])

        expect((await entries(affiliate.id)).map((entry) => [entry.action, entry.before, entry.after, entry.reason])).toEqual([
          [AuditAction.AFFILIATE_DELETED, { name: "Ada", email: "ada@example.com", status: "pending" }, null, "undone"],
          [AuditAction.AFFILIATE_STATUS_CHANGED, { status: "active", approved_at: expect.any(String) }, { status: "pending", approved_at: null }, "undone"],
          [AuditAction.AFFILIATE_STATUS_CHANGED, { status: "pending", approved_at: null }, { status: "active", approved_at: expect.any(String) }, null],
          [AuditAction.AFFILIATE_CREATED, null, expect.objectContaining({ name: "Ada", status: "pending" }), null],
        ])
      })

      it("logs a rule's creation, change, deletion and restoration", async () => {
        const [rule] = await service.createCommissionRulesAudited([{ scope: "program", kind: "percent", rate: 10 }], admin)
        await service.updateCommissionRulesAudited([{ id: rule.id, rate: 12 }], admin)
        await service.deleteCommissionRulesAudited([rule.id], admin)
        expect(await service.listCommissionRules({ id: rule.id })).toEqual([])
        await service.restoreCommissionRulesAudited([rule.id], admin, "undone")
        expect(await service.listCommissionRules({ id: rule.id })).toHaveLength(1)

        const { entries: trail } = await service.listAuditEntries(
          { target_type: "commission_rule", target_id: rule.id },
          { limit: 10, offset: 0 }
        )
        expect(trail.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
          [AuditAction.RULE_RESTORED, null, expect.objectContaining({ rate: 12 })],
          [AuditAction.RULE_DELETED, expect.objectContaining({ scope: "program", rate: 12 }), null],
          [AuditAction.RULE_UPDATED, { rate: 10 }, { rate: 12 }],
          [AuditAction.RULE_CREATED, null, expect.objectContaining({ scope: "program", rate: 10 })],
        ])
      })
    })
  },
})
