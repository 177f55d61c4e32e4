import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AffiliateEvents } from "../../src/modules/affiliate"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { recordAffiliateEvents } from "../helpers/events"

jest.setTimeout(180_000)

// The partner events (I1) on the host's real event bus: each emitted once per
// change, after it is committed, with the affiliate's id; none for a change
// that was refused or changed nothing.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let events: ReturnType<typeof recordAffiliateEvents>

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      events = recordAffiliateEvents(getContainer())
    })

    afterEach(() => events.stop())

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response ?? Promise.reject(e))
    const createAffiliate = async (body: Record<string, unknown> = {}) =>
      (await api.post("/admin/affiliates", { name: "Ada Lovelace", email: "ada@example.com", status: "pending", ...body }, admin))
        .data.affiliate
    const act = (id: string, action: string) => api.post(`/admin/affiliates/${id}/${action}`, { reason: "test" }, admin)

    it("affiliate.created once per partner an admin creates, and nothing for an edit", async () => {
      const ada = await createAffiliate()
      const grace = await createAffiliate({ email: "grace@example.com", status: "active" })
      await api.post(`/admin/affiliates/${ada.id}`, { company: "Analytical Engines" }, admin)
      await events.waitFor(AffiliateEvents.AFFILIATE_CREATED, 2)
      await events.settle()
      expect(events.all()).toEqual([
        { name: "affiliate.created", data: { id: ada.id } },
        { name: "affiliate.created", data: { id: grace.id } },
      ])
    })

    it("a refused creation emits nothing", async () => {
      await createAffiliate()
      await events.waitFor(AffiliateEvents.AFFILIATE_CREATED)
      events.clear()
      const response = await errorOf(createAffiliate({ parent_id: "aff_missing" }))
      expect(response.status).toBe(404)
      await events.settle()
      expect(events.all()).toEqual([])
    })

    it("one event per status change, none for a transition that is refused", async () => {
      const ada = await createAffiliate()
      await events.waitFor(AffiliateEvents.AFFILIATE_CREATED)
      events.clear()

      await act(ada.id, "approve")
      // Already active: refused, so no second affiliate.approved.
      expect((await errorOf(act(ada.id, "approve"))).status).toBe(400)
      expect((await errorOf(act(ada.id, "reject"))).status).toBe(400)
      await act(ada.id, "suspend")
      expect((await errorOf(act(ada.id, "suspend"))).status).toBe(400)
      await act(ada.id, "deactivate")
      expect((await errorOf(act(ada.id, "deactivate"))).status).toBe(400)
      await act(ada.id, "approve")

      const grace = await createAffiliate({ email: "grace@example.com" })
      await act(grace.id, "reject")
      expect((await errorOf(act(grace.id, "reject"))).status).toBe(400)

      await events.waitFor(AffiliateEvents.AFFILIATE_REJECTED)
      await events.settle()
      expect(events.all()).toEqual([
        { name: "affiliate.approved", data: { id: ada.id } },
        { name: "affiliate.suspended", data: { id: ada.id } },
        { name: "affiliate.deactivated", data: { id: ada.id } },
        { name: "affiliate.approved", data: { id: ada.id } },
        { name: "affiliate.created", data: { id: grace.id } },
        { name: "affiliate.rejected", data: { id: grace.id } },
      ])
    })

    it("a partner's sign-up emits affiliate.created once, and logs the partner as its own actor", async () => {
      const email = "pat@partners.test"
      const { data: registered } = await api.post("/auth/affiliate/emailpass/register", { email, password: "supersecret" })
      const signUp = { headers: { authorization: `Bearer ${registered.token}` } }
      expect((await api.post("/affiliate-account/register", { name: "Pat" }, signUp)).status).toBe(202)
      await events.waitFor(AffiliateEvents.AFFILIATE_CREATED)

      // Signing up again for the same email is answered the same and creates nothing.
      expect((await api.post("/affiliate-account/register", { name: "Pat again" }, signUp)).status).toBe(202)
      await events.settle()

      const { data: login } = await api.post("/auth/affiliate/emailpass", { email, password: "supersecret" })
      const { data: me } = await api.get("/affiliate/me", { headers: { authorization: `Bearer ${login.token}` } })
      expect(events.all()).toEqual([{ name: "affiliate.created", data: { id: me.affiliate.id } }])

      const { data: trail } = await api.get(`/admin/affiliates/${me.affiliate.id}/audit-log`, admin)
      expect(trail.audit_entries).toEqual([
        expect.objectContaining({
          action: "affiliate.created",
          actor_type: "affiliate",
          actor_id: me.affiliate.id,
          after: expect.objectContaining({ name: "Pat", email, status: "pending" }),
        }),
      ])
    })
  },
})
