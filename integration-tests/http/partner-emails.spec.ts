import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AffiliateEvents } from "../../src/types/events"
import type { AdminAuth } from "../helpers/admin"
import { afterSubscribers, createAffiliateWithCode, orderLines } from "../helpers/affiliates"
import type { DemoStore } from "../../dev/demo-store"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"

jest.setTimeout(240_000)

// Partner emails (I2) sent on the plugin's events and Medusa's password reset,
// through the real Notification Module and its local provider: each read back
// from the `notification` table, once per subject however often the event
// bus delivers it.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let store: DemoStore

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    /** The emails of one kind to one address, newest first, as the contract says tests read them. */
    const emailsTo = async (to: string, template: string) =>
      (
        await knex().raw(`SELECT data, idempotency_key, status FROM notification WHERE "to" = ? AND template = ? ORDER BY created_at DESC`, [
          to,
          template,
        ])
      ).rows as { data: Record<string, any>; idempotency_key: string | null; status: string }[]
    /** Waits until `count` such emails exist: subscribers run after the request answered. */
    const waitForEmails = async (to: string, template: string, count = 1, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const rows = await emailsTo(to, template)
        if (rows.length >= count) return rows
        if (Date.now() > deadline) throw new Error(`expected ${count} ${template} email(s) to ${to}, found ${rows.length}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    /** Delivers an event again, as a retrying or recovering event bus would, and waits for its subscribers. */
    const deliverAgain = (name: string, data: Record<string, unknown>, times = 2) =>
      afterSubscribers(
        getContainer(),
        name,
        async () => {
          const eventBus = getContainer().resolve(Modules.EVENT_BUS)
          for (let i = 0; i < times; i++) await eventBus.emit({ name, data })
        },
        times
      )

    it("approving a partner mails them once, with the code approval gave them, however often the event arrives", async () => {
      const { data } = await api.post("/admin/affiliates", { name: "Ada Lovelace", email: "ada@example.com", status: "pending" }, admin)
      type Approved = { data: { affiliate: { codes: { code: string; alias_of_id: string | null; is_active: boolean }[] } } }
      const { data: approved } = (await afterSubscribers(getContainer(), AffiliateEvents.AFFILIATE_APPROVED, () =>
        api.post(`/admin/affiliates/${data.affiliate.id}/approve`, {}, admin)
      )) as Approved
      const code = approved.affiliate.codes.find((c) => !c.alias_of_id && c.is_active)!.code
      const [email] = await waitForEmails("ada@example.com", "affiliate-approved")
      expect(email.status).toBe("success")
      expect(email.idempotency_key).toBe(`affiliate-approved:${data.affiliate.id}`)
      expect(email.data).toMatchObject({
        email: "approved",
        locale: "en",
        name: "Ada Lovelace",
        code,
        portal_url: expect.stringMatching(/^http.*\/partners$/),
        subject: "You're approved",
        text: expect.stringContaining(`Your code: ${code}`),
      })

      await deliverAgain(AffiliateEvents.AFFILIATE_APPROVED, { id: data.affiliate.id })
      expect(await emailsTo("ada@example.com", "affiliate-approved")).toHaveLength(1)
    })

    it("rejecting a partner mails them the reason; an event for a partner no longer rejected mails nothing", async () => {
      const { data } = await api.post("/admin/affiliates", { name: "Grace", email: "grace@example.com", status: "pending" }, admin)
      await afterSubscribers(getContainer(), AffiliateEvents.AFFILIATE_REJECTED, () =>
        api.post(`/admin/affiliates/${data.affiliate.id}/reject`, { reason: "Your website has no content yet" }, admin)
      )
      const [email] = await waitForEmails("grace@example.com", "affiliate-rejected")
      expect(email.data).toMatchObject({ reason: "Your website has no content yet", text: expect.stringContaining("Reason: Your website has no content yet") })

      // A stale "approved" for a partner who is rejected: no approval email.
      await deliverAgain(AffiliateEvents.AFFILIATE_APPROVED, { id: data.affiliate.id }, 1)
      expect(await emailsTo("grace@example.com", "affiliate-approved")).toEqual([])
    })

    it("a referred order's commission mails its partner the exact amount, once per line", async () => {
      const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LOVELACE", email: "lovelace@example.com", name: "Ada" })
      const order = await placeReferredOrder(api, getContainer(), store, { code: "LOVELACE", items: [[store.products[0], 3]] })
      const [line] = await orderLines(api, admin, order.id)
      expect(line).toMatchObject({ type: "sale", affiliate_id: affiliate.id })

      const [email] = await waitForEmails("lovelace@example.com", "affiliate-commission-created")
      const { rows } = await knex().raw(`SELECT amount::text AS amount FROM affiliate_commission_line WHERE id = ?`, [line.id])
      // Exactly the ledger's amount at the currency's two decimals, as text (no float on the way).
      expect(email.data.amount).toBe(Number(rows[0].amount).toFixed(2))
      expect(email.data.amount).toMatch(/^\d+\.\d{2}$/)
      expect(email.data).toMatchObject({ currency_code: "usd", order_display_id: order.display_id, name: "Ada" })
      expect(email.idempotency_key).toBe(`affiliate-commission-created:${line.id}`)

      await deliverAgain(AffiliateEvents.COMMISSION_CREATED, { id: line.id, affiliate_id: affiliate.id })
      expect(await emailsTo("lovelace@example.com", "affiliate-commission-created")).toHaveLength(1)
    })

    it("a bonus (not a sale or a lead) sends no commission email", async () => {
      const { data } = await api.post("/admin/affiliates", { name: "Bonus", email: "bonus@example.com", status: "active" }, admin)
      await afterSubscribers(getContainer(), AffiliateEvents.COMMISSION_CREATED, () =>
        api.post(`/admin/affiliates/${data.affiliate.id}/adjustments`, { type: "bonus", amount: 5, currency_code: "usd", reason: "thanks", status: "approved" }, admin)
      )
      expect(await emailsTo("bonus@example.com", "affiliate-commission-created")).toEqual([])
    })

    it("a paid payout mails its partner the amount and the reference, once", async () => {
      const { data } = await api.post("/admin/affiliates", { name: "Payee", email: "payee@example.com", status: "active" }, admin)
      const id = data.affiliate.id
      await api.post(`/admin/affiliates/${id}/adjustments`, { type: "bonus", amount: 10.5, currency_code: "usd", reason: "credit", status: "approved" }, admin)
      const { data: created } = await api.post(`/admin/affiliates/${id}/payouts`, { currency_code: "usd", provider_id: "sandbox" }, admin)
      if (created.payout.status !== "paid") {
        await api.post(`/admin/affiliate-payouts/${created.payout.id}/mark-paid`, { external_reference: "TX-42" }, admin)
      }
      const [email] = await waitForEmails("payee@example.com", "affiliate-payout-sent")
      expect(email.data).toMatchObject({ amount: "10.50", currency_code: "usd", subject: "Payout sent: 10.50 USD" })
      expect(email.idempotency_key).toBe(`affiliate-payout-sent:${created.payout.id}`)

      await deliverAgain(AffiliateEvents.PAYOUT_PAID, { id: created.payout.id, affiliate_id: id })
      expect(await emailsTo("payee@example.com", "affiliate-payout-sent")).toHaveLength(1)
    })

    it("a partner's password reset mails the portal's link, whose token sets a new password; a customer's reset mails no partner", async () => {
      const email = "reset@example.com"
      await api.post("/admin/affiliates", { name: "Reset Me", email, status: "active" }, admin)
      await api.post("/auth/affiliate/emailpass/register", { email, password: "old-password" })

      await afterSubscribers(getContainer(), "auth.password_reset", () =>
        api.post("/auth/affiliate/emailpass/reset-password", { identifier: email })
      )
      const [sent] = await waitForEmails(email, "affiliate-password-reset")
      const link = new URL(sent.data.link)
      expect(link.pathname).toMatch(/\/partners\/reset-password$/)
      expect(link.searchParams.get("email")).toBe(email)
      const token = link.searchParams.get("token")!
      expect(token).toBeTruthy()

      await api.post("/auth/affiliate/emailpass/update", { password: "new-password" }, { headers: { authorization: `Bearer ${token}` } })
      const { data: login } = await api.post("/auth/affiliate/emailpass", { email, password: "new-password" })
      expect(login.token).toBeTruthy()
      // Single use: the same link again is refused.
      const again = await api
        .post("/auth/affiliate/emailpass/update", { password: "third-password" }, { headers: { authorization: `Bearer ${token}` } })
        .catch((e: any) => e.response)
      expect(again.status).toBe(401)

      // The same address as a customer: Medusa emits the event, the plugin mails nothing.
      await afterSubscribers(getContainer(), "auth.password_reset", () =>
        api.post("/auth/customer/emailpass/reset-password", { identifier: email })
      )
      expect(await emailsTo(email, "affiliate-password-reset")).toHaveLength(1)
      // And an address that isn't a partner's gets nothing either.
      await api.post("/auth/affiliate/emailpass/register", { email: "stranger@example.com", password: "whatever1" })
      await afterSubscribers(getContainer(), "auth.password_reset", () =>
        api.post("/auth/affiliate/emailpass/reset-password", { identifier: "stranger@example.com" })
      )
      expect(await emailsTo("stranger@example.com", "affiliate-password-reset")).toEqual([])
    })
  },
})
