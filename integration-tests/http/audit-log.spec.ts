import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"

jest.setTimeout(180_000)

// The audit log (J2) through a real server: an entry for each admin action on
// partners, settings and rules, with its actor and what changed; the route's
// filters; and refusals that name the field and write nothing.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let otherAdmin: AdminAuth

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      otherAdmin = await createAdminUser(getContainer(), { email: "grace@medusa-test.com" })
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response ?? Promise.reject(e))
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const entryCount = async () =>
      Number((await knex().raw(`SELECT count(*)::int AS n FROM affiliate_audit_entry`)).rows[0].n)
    const log = async (query = "", auth: AdminAuth = admin) =>
      (await api.get(`/admin/affiliate-audit-log${query ? `?${query}` : ""}`, auth)).data
    const createAffiliate = async (body: Record<string, unknown> = {}, auth: AdminAuth = admin) =>
      (await api.post("/admin/affiliates", { name: "Ada Lovelace", email: "ada@example.com", status: "pending", ...body }, auth))
        .data.affiliate
    const trailOf = async (id: string) => (await api.get(`/admin/affiliates/${id}/audit-log`, admin)).data.audit_entries

    describe("an entry for each admin action", () => {
      it("partner creation and edits: the admin, and only the fields that changed", async () => {
        const affiliate = await createAffiliate({ company: "Analytical Engines", commission_rate: 15 })
        await api.post(`/admin/affiliates/${affiliate.id}`, { phone: "+1 555 0100", commission_rate: 20, company: "Analytical Engines" }, admin)
        // A save that changes nothing is not an event in the partner's history.
        await api.post(`/admin/affiliates/${affiliate.id}`, { phone: "+1 555 0100" }, admin)
        // Payout details have their own route and their own entry (payout-details.spec.ts), never in an edit.
        await api.post(
          `/admin/affiliates/${affiliate.id}/payout-details`,
          { method: "bank_transfer", account_holder_name: "Ada Lovelace", iban: "DE89370400440532013000", bank_name: "Commerzbank", country: "DE" },
          admin
        )

        const [details, edit, created] = await trailOf(affiliate.id)
        expect(created).toMatchObject({
          id: expect.stringMatching(/^afaud_/),
          actor_type: "user",
          actor_id: admin.userId,
          action: "affiliate.created",
          target_type: "affiliate",
          target_id: affiliate.id,
          affiliate_id: affiliate.id,
          before: null,
          after: { name: "Ada Lovelace", email: "ada@example.com", status: "pending", company: "Analytical Engines", commission_rate: 15 },
          reason: null,
        })
        expect(edit).toMatchObject({
          action: "affiliate.updated",
          actor_id: admin.userId,
          before: { phone: null, commission_rate: 15 },
          after: { phone: "+1 555 0100", commission_rate: 20 },
        })
        expect(Object.keys(edit.after).sort()).toEqual(["commission_rate", "phone"])
        // Bank details are logged masked, never copied into the log.
        expect(details).toMatchObject({ action: "payout_details.changed", before: null })
        expect(JSON.stringify(details.after)).not.toContain("0532013000")
      })

      it("approve, reject, suspend and deactivate: before and after status, with the reason", async () => {
        const ada = await createAffiliate()
        const steps: [string, string, string, string][] = [
          ["reject", "pending", "rejected", "Incomplete application"],
          ["approve", "rejected", "active", "Resubmitted with a website"],
          ["suspend", "active", "suspended", "Spam complaints"],
          ["deactivate", "suspended", "deactivated", "Left the program"],
        ]
        for (const [action, , , reason] of steps) {
          await api.post(`/admin/affiliates/${ada.id}/${action}`, { reason }, admin)
        }
        const trail = (await trailOf(ada.id)).filter((entry: any) => entry.action === "affiliate.status_changed")
        expect(trail.reverse().map((entry: any) => [entry.before.status, entry.after.status, entry.reason, entry.actor_id])).toEqual(
          steps.map(([, from, to, reason]) => [from, to, reason, admin.userId])
        )
        expect(trail[1].after).toEqual({ status: "active", approved_at: expect.any(String) })

        // Pending straight to deactivated (the page used to hide it), without a reason.
        const grace = await createAffiliate({ email: "grace@example.com" })
        const { data } = await api.post(`/admin/affiliates/${grace.id}/deactivate`, undefined, otherAdmin)
        expect(data.affiliate.status).toBe("deactivated")
        expect((await trailOf(grace.id))[0]).toMatchObject({
          action: "affiliate.status_changed",
          actor_id: otherAdmin.userId,
          before: { status: "pending" },
          after: { status: "deactivated" },
          reason: null,
        })
      })

      it("settings changes and their reset: the settings in force before and after", async () => {
        await api.post("/admin/affiliate-settings", { hold_days: 7, fraud: { max_conversion_rate: 40 } }, admin)
        await api.delete("/admin/affiliate-settings", otherAdmin)
        const { audit_entries } = await log("target_type=program_settings")
        expect(audit_entries).toEqual([
          expect.objectContaining({
            action: "settings.changed",
            actor_id: otherAdmin.userId,
            target_id: "afset_program",
            before: { hold_days: 7, fraud: { max_conversion_rate: 40 } },
            after: { hold_days: 30, fraud: { max_conversion_rate: expect.any(Number) } },
          }),
          expect.objectContaining({
            action: "settings.changed",
            actor_id: admin.userId,
            before: { hold_days: 30, fraud: { max_conversion_rate: expect.any(Number) } },
            after: { hold_days: 7, fraud: { max_conversion_rate: 40 } },
          }),
        ])
      })

      it("rule creation, change and deletion", async () => {
        const ada = await createAffiliate({ status: "active" })
        const { data } = await api.post("/admin/affiliate-rules", { scope: "affiliate", affiliate_id: ada.id, rate: 12 }, admin)
        const id = data.commission_rule.id
        await api.post(`/admin/affiliate-rules/${id}`, { rate: 14, name: "Ada's deal" }, admin)
        await api.delete(`/admin/affiliate-rules/${id}`, admin)

        const { audit_entries } = await log(`target_type=commission_rule&target_id=${id}`)
        expect(audit_entries.map((entry: any) => [entry.action, entry.actor_id, entry.affiliate_id, entry.before, entry.after])).toEqual([
          ["rule.deleted", admin.userId, ada.id, expect.objectContaining({ rate: 14, name: "Ada's deal", scope: "affiliate" }), null],
          ["rule.updated", admin.userId, ada.id, { rate: 12, name: null }, { rate: 14, name: "Ada's deal" }],
          ["rule.created", admin.userId, ada.id, null, expect.objectContaining({ rate: 12, scope: "affiliate", affiliate_id: ada.id })],
        ])
        // A partner's own rule is part of its trail.
        expect((await trailOf(ada.id)).map((entry: any) => entry.action)).toEqual([
          "rule.deleted",
          "rule.updated",
          "rule.created",
          "affiliate.created",
        ])
      })
    })

    describe("GET /admin/affiliate-audit-log", () => {
      it("filters by actor, target, action, date and affiliate, newest first, paged", async () => {
        const ada = await createAffiliate()
        const grace = await createAffiliate({ email: "grace@example.com" }, otherAdmin)
        // A cut between the creations and the rest (the database keeps microseconds,
        // the API's dates milliseconds, so the test filters around a gap, not on an entry's own time).
        await new Promise((resolve) => setTimeout(resolve, 50))
        const cut = new Date().toISOString()
        await new Promise((resolve) => setTimeout(resolve, 50))
        await api.post(`/admin/affiliates/${ada.id}/approve`, {}, admin)
        await api.post(`/admin/affiliates/${grace.id}/reject`, { reason: "No website" }, otherAdmin)
        await api.post("/admin/affiliate-settings", { hold_days: 10 }, admin)

        const all = await log()
        expect(all).toMatchObject({ count: 5, offset: 0, limit: 50 })
        const times = all.audit_entries.map((entry: any) => Date.parse(entry.created_at))
        expect(times).toEqual([...times].sort((a, b) => b - a))
        expect(all.audit_entries[0].action).toBe("settings.changed")

        const page = await log("limit=2&offset=1")
        expect(page).toMatchObject({ count: 5, offset: 1, limit: 2 })
        expect(page.audit_entries.map((entry: any) => entry.id)).toEqual(all.audit_entries.slice(1, 3).map((entry: any) => entry.id))

        const actions = (body: any) => body.audit_entries.map((entry: any) => [entry.action, entry.target_id])
        expect(actions(await log(`actor_id=${otherAdmin.userId}`))).toEqual([
          ["affiliate.status_changed", grace.id],
          ["affiliate.created", grace.id],
        ])
        expect((await log("actor_type=user")).count).toBe(5)
        expect((await log("actor_type=system")).count).toBe(0)
        expect(actions(await log(`target_type=affiliate&target_id=${ada.id}`))).toEqual([
          ["affiliate.status_changed", ada.id],
          ["affiliate.created", ada.id],
        ])
        expect(actions(await log("action=affiliate.status_changed"))).toEqual([
          ["affiliate.status_changed", grace.id],
          ["affiliate.status_changed", ada.id],
        ])
        expect((await log("action[]=affiliate.created&action[]=settings.changed")).count).toBe(3)
        expect(actions(await log(`affiliate_id=${grace.id}`))).toEqual([
          ["affiliate.status_changed", grace.id],
          ["affiliate.created", grace.id],
        ])
        expect(await trailOf(grace.id)).toEqual((await log(`affiliate_id=${grace.id}`)).audit_entries)

        // Dates: before the cut are the two creations, after it the rest.
        const since = (operator: string, date: string) => log(`created_at[${operator}]=${encodeURIComponent(date)}`)
        expect(actions(await since("$lt", cut))).toEqual([
          ["affiliate.created", grace.id],
          ["affiliate.created", ada.id],
        ])
        expect((await since("$lte", cut)).count).toBe(2)
        expect((await since("$gte", cut)).count).toBe(3)
        expect((await since("$gt", cut)).count).toBe(3)
        expect((await log(`created_at[$gte]=2000-01-01&created_at[$lte]=${encodeURIComponent(cut)}`)).count).toBe(2)
        expect((await log("created_at[$gte]=2000-01-01&created_at[$lte]=2001-01-01")).count).toBe(0)
        expect((await since("$gte", new Date(Date.now() + 60_000).toISOString())).count).toBe(0)
        expect((await log(`created_at[$gte]=${encodeURIComponent(cut)}&actor_id=${otherAdmin.userId}`)).count).toBe(1)
      })

      it.each([
        ["limit=0", "'limit'"],
        ["limit=1001", "'limit'"],
        ["offset=-1", "'offset'"],
        ["actor_type=robot", "'actor_type'"],
        ["actor_id=%00", "actor_id: an id of 1 to 64"],
        ["action=affiliate.deleted_forever", "action"],
        ["target_type=order", "'target_type'"],
        ["affiliate_id=" + "a".repeat(65), "affiliate_id: an id of 1 to 64"],
        ["created_at=2026-02-30", "created_at"],
        ["created_at[$gte]=yesterday", "created_at"],
        ["order=created_at", "order"],
      ])("refuses %s with a 400 naming %s", async (query, message) => {
        const response = await errorOf(log(query))
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
      })

      it("answers 404 for the trail of an unknown partner and 400 for a malformed id", async () => {
        expect((await errorOf(api.get("/admin/affiliates/aff_missing/audit-log", admin))).status).toBe(404)
        const response = await errorOf(api.get("/admin/affiliates/aff_1/audit-log?affiliate_id=aff_2", admin))
        expect(response.status).toBe(400)
      })

      it("has no way to edit or delete an entry", async () => {
        await createAffiliate()
        const [entry] = (await log()).audit_entries
        for (const request of [
          () => api.post("/admin/affiliate-audit-log", { action: "x" }, admin),
          () => api.delete("/admin/affiliate-audit-log", admin),
          () => api.post(`/admin/affiliate-audit-log/${entry.id}`, { reason: "x" }, admin),
          () => api.delete(`/admin/affiliate-audit-log/${entry.id}`, admin),
        ]) {
          expect((await errorOf(request())).status).toBe(404)
        }
        expect((await log()).audit_entries).toEqual([entry])
        expect((await errorOf(api.get("/admin/affiliate-audit-log"))).status).toBe(401)
      })
    })

    describe("refused admin actions write no entry", () => {
      it.each([
        [{ reason: "" }, "'reason'"],
        [{ reason: "a\u0000b" }, "reason: must not contain control characters"],
        [{ reason: "x".repeat(1001) }, "'reason'"],
        [{ reason: "ok", status: "active" }, "status"],
      ])("a status change with %j: 400 naming the field", async (body, message) => {
        const ada = await createAffiliate()
        const before = await entryCount()
        const response = await errorOf(api.post(`/admin/affiliates/${ada.id}/approve`, body, admin))
        expect([response.status, response.data.message]).toEqual([400, expect.stringContaining(message)])
        expect(await entryCount()).toBe(before)
        expect((await api.get(`/admin/affiliates/${ada.id}`, admin)).data.affiliate.status).toBe("pending")
      })

      it("a transition the status doesn't allow", async () => {
        const ada = await createAffiliate({ status: "active" })
        const before = await entryCount()
        const response = await errorOf(api.post(`/admin/affiliates/${ada.id}/reject`, { reason: "Too late" }, admin))
        expect([response.status, response.data.message]).toEqual([400, `Cannot reject affiliate ${ada.id}: its status is active`])
        expect(await entryCount()).toBe(before)
      })
    })

    describe("GET /admin/affiliates/:id", () => {
      it("says which status actions the affiliate may take, from the rule the routes enforce", async () => {
        const ada = await createAffiliate()
        const allowed = async () => (await api.get(`/admin/affiliates/${ada.id}?fields=id,name`, admin)).data.allowed_status_transitions
        expect(await allowed()).toEqual(["approve", "reject", "deactivate"])
        await api.post(`/admin/affiliates/${ada.id}/approve`, {}, admin)
        expect(await allowed()).toEqual(["suspend", "deactivate"])
        const { data } = await api.post(`/admin/affiliates/${ada.id}/deactivate`, {}, admin)
        expect(data.allowed_status_transitions).toEqual(["approve"])
      })
    })
  },
})
