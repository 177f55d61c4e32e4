import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import path from "path"
import { affiliateService } from "../../src/workflows/affiliate-service"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { routesInSource } from "../reliability/fuzz-routes"

jest.setTimeout(240_000)

const INVALID_LINK = "token: this link is invalid, used or expired"
const PASSWORD = "supersecret"

// Partner accounts (issue 12, B1 B2 H1): sign-up under each registration mode,
// the program's questions and terms, email verification, invitations, password
// reset through Medusa's routes, and the one guard of `/affiliate/*`. Links are
// read back from the `notification` table, where the local provider's emails land.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response ?? Promise.reject(e))
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const saveSettings = (body: Record<string, unknown>) => api.post("/admin/affiliate-settings", body, admin)

    /** A fresh `affiliate` emailpass login (no partner yet): its token. */
    const newLogin = async (email: string) =>
      (await api.post("/auth/affiliate/emailpass/register", { email, password: PASSWORD })).data.token as string
    const logIn = async (email: string, password = PASSWORD) =>
      bearer((await api.post("/auth/affiliate/emailpass", { email, password })).data.token)
    const signUp = async (email: string, body: Record<string, unknown> = {}) =>
      errorOf(api.post("/affiliate-account/register", { name: "Pat Partner", ...body }, bearer(await newLogin(email))))

    /** The emails (notification rows) of one kind sent to an address, newest first. */
    const emails = async (to: string, name: string) => {
      const { rows } = await pg().raw(`SELECT data FROM notification WHERE "to" = ? AND template = ? ORDER BY created_at DESC`, [
        to,
        `affiliate-${name.replace(/_/g, "-")}`,
      ])
      return rows.map((row: { data: any }) => row.data)
    }
    /** The token of the newest link of a kind emailed to an address. */
    const linkToken = async (to: string, name: "verify_email" | "invitation") => {
      const [latest] = await emails(to, name)
      expect(latest).toBeDefined()
      return new URL(latest.link).searchParams.get("token")!
    }
    const affiliateByEmail = async (email: string): Promise<any> => (await affiliateService(getContainer()).listAffiliates({ email }))[0]
    const expireLinks = (email: string) =>
      pg().raw(`UPDATE affiliate_account_token SET expires_at = now() - interval '1 minute' WHERE email = ?`, [email])

    describe("sign-up by registration mode", () => {
      it("approval: a pending partner with an unverified email, a verification link, then application_received", async () => {
        await saveSettings({ registration_mode: "approval" })
        const registered = await signUp("pat@partners.test", { company: "ACME", audience: "Cyclists on YouTube", locale: "ru" })
        expect(registered.status).toBe(202)
        expect(registered.data).toEqual({ application: { email: "pat@partners.test", status: "received" }, message: expect.any(String) })

        const auth = await logIn("pat@partners.test")
        const { data: me } = await api.get("/affiliate/me", auth)
        expect(me.affiliate).toMatchObject({
          email: "pat@partners.test",
          status: "pending",
          email_verified_at: null,
          audience: "Cyclists on YouTube",
          locale: "ru",
          application: { fields: {} },
          codes: [],
        })
        expect((await api.get("/affiliate/alerts", auth)).data.alerts).toEqual([
          { kind: "email_unverified" },
          { kind: "application_under_review" },
        ])

        const [verification] = await emails("pat@partners.test", "verify_email")
        expect(verification).toMatchObject({ locale: "ru", expires_at: expect.any(String) })
        expect(verification.link).toMatch(/^http:\/\/localhost:9000\/partners\/verify-email\?token=[A-Za-z0-9_-]{43}$/)
        const hours = (Date.parse(verification.expires_at) - Date.now()) / 3_600_000
        expect(hours).toBeGreaterThan(47.9)
        expect(hours).toBeLessThanOrEqual(48)
        // Only the token's hash is stored.
        const token = await linkToken("pat@partners.test", "verify_email")
        const { rows } = await pg().raw(`SELECT token_hash FROM affiliate_account_token`)
        expect(rows.map((row: any) => row.token_hash)).not.toContain(token)

        // Only the login that signed up can use the link: without one 401, with another partner's the 400 of an unknown link.
        expect((await errorOf(api.post("/affiliate-account/verify-email", { token }))).status).toBe(401)
        await signUp("other@partners.test")
        const other = await errorOf(api.post("/affiliate-account/verify-email", { token }, await logIn("other@partners.test")))
        expect([other.status, other.data.message]).toEqual([400, INVALID_LINK])
        const verified = await api.post("/affiliate-account/verify-email", { token }, auth)
        expect(verified.data).toEqual({ verified: true, status: "pending" })
        expect(await emails("pat@partners.test", "application_received")).toHaveLength(1)
        expect((await api.get("/affiliate/me", auth)).data.affiliate.email_verified_at).not.toBeNull()
        expect((await api.get("/affiliate/alerts", auth)).data.alerts).toEqual([{ kind: "application_under_review" }])

        // Used once; an unknown token reads the same.
        for (const body of [{ token }, { token: "x".repeat(43) }, { token: "nope" }]) {
          const refused = await errorOf(api.post("/affiliate-account/verify-email", body, auth))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toBe(INVALID_LINK)
        }
      })

      it("auto_approve: approved with a first code when the email is verified", async () => {
        await saveSettings({ registration_mode: "auto_approve" })
        expect((await signUp("ann@partners.test", { name: "Ann Archer" })).status).toBe(202)
        const auth = await logIn("ann@partners.test")
        expect((await api.get("/affiliate/me", auth)).data.affiliate.status).toBe("pending")

        const verified = await api.post("/affiliate-account/verify-email", { token: await linkToken("ann@partners.test", "verify_email") }, auth)
        expect(verified.data).toEqual({ verified: true, status: "active" })
        const { data: me } = await api.get("/affiliate/me", auth)
        expect(me.affiliate).toMatchObject({ status: "active", approved_at: expect.any(String) })
        expect(me.affiliate.codes).toEqual([expect.objectContaining({ code: "ANN", is_active: true })])
        // The `approved` email is the approval event's subscriber's, not this route's.
        expect(await emails("ann@partners.test", "application_received")).toEqual([])
        expect((await api.get("/affiliate/alerts", auth)).data.alerts).toEqual([{ kind: "missing_payout_details" }])
      })

      it.each(["invite_only", "closed"])("%s: refuses sign-ups naming registration_mode, creating nothing", async (mode) => {
        await saveSettings({ registration_mode: mode })
        const refused = await signUp("shut@partners.test")
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/^registration_mode: /)
        expect(await affiliateByEmail("shut@partners.test")).toBeUndefined()
        expect(await emails("shut@partners.test", "verify_email")).toEqual([])
      })

      it("answers a taken email exactly like a free one, and mails it nothing", async () => {
        await saveSettings({ registration_mode: "approval" })
        await api.post("/admin/affiliates", { name: "Taken", email: "taken@partners.test" }, admin)
        const taken = await signUp("taken@partners.test")
        const free = await signUp("free@partners.test")
        expect(taken.status).toBe(202)
        expect(free.status).toBe(202)
        expect({ ...taken.data, application: { ...taken.data.application, email: "x" } }).toEqual({
          ...free.data,
          application: { ...free.data.application, email: "x" },
        })
        expect(await emails("taken@partners.test", "verify_email")).toEqual([])
        // Refusals come before the look-up, so they can't tell either.
        await saveSettings({ application_fields: [{ key: "niche", label: "Niche", type: "text", required: true }] })
        const refusedTaken = await signUp("taken@partners.test")
        const refusedFree = await signUp("other@partners.test")
        expect([refusedTaken.status, refusedTaken.data.message]).toEqual([refusedFree.status, refusedFree.data.message])
      })
    })

    describe("the program's questions and terms", () => {
      const FIELDS = [
        { key: "niche", label: "Your niche", type: "text", required: true },
        { key: "channel", label: "Main channel", type: "select", options: ["youtube", "blog"], required: true },
        { key: "adult", label: "I am 18 or older", type: "checkbox", required: true },
        { key: "note", label: "Anything else", type: "text" },
      ]
      const answers = { niche: "Cycling", channel: "blog", adult: true }

      it("refuses missing, unknown, wrong and too long answers naming the field, and stores good ones", async () => {
        await saveSettings({ registration_mode: "approval", application_fields: FIELDS })
        const { data } = await api.get("/affiliate-account/program")
        expect(data.program).toEqual({
          registration_mode: "approval",
          application_fields: FIELDS.map((field) => ({ required: false, ...field })),
          terms: null,
          help_text: null,
        })

        const cases: [Record<string, unknown>, string][] = [
          [{ channel: "blog", adult: true }, "fields.niche: required"],
          [{ ...answers, niche: "   " }, "fields.niche: required"],
          [{ ...answers, channel: "tiktok" }, "fields.channel: must be one of youtube, blog"],
          [{ ...answers, adult: false }, "fields.adult: required"],
          [{ ...answers, adult: "yes" }, "fields.adult: must be true or false"],
          [{ ...answers, note: "x".repeat(1_001) }, "fields.note: at most 1000 characters"],
          [{ ...answers, hacker: "1" }, "fields.hacker: not a question of this program"],
        ]
        for (const [fields, message] of cases) {
          const refused = await signUp("fields@partners.test", { fields })
          expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining(message)])
        }
        expect(await affiliateByEmail("fields@partners.test")).toBeUndefined()

        expect((await signUp("fields@partners.test", { fields: { ...answers, note: " Hi " } })).status).toBe(202)
        expect((await affiliateByEmail("fields@partners.test")).application).toEqual({
          fields: { niche: "Cycling", channel: "blog", adult: true, note: "Hi" },
        })
        const { data: detail } = await api.get(`/admin/affiliates/${(await affiliateByEmail("fields@partners.test")).id}`, admin)
        expect(detail.affiliate).toMatchObject({ application: { fields: answers }, has_login: true, email_verified_at: null })
      })

      it("requires the current terms, stores the version and time, and alerts when they change", async () => {
        await saveSettings({ registration_mode: "approval", portal_terms: "Be nice." })
        const { data } = await api.get("/affiliate-account/program")
        expect(data.program.terms).toEqual({ version: 1, text: "Be nice.", published_at: expect.any(String) })

        const missing = await signUp("terms@partners.test")
        expect([missing.status, missing.data.message]).toEqual([400, "terms_version: accept the current terms (version 1)"])
        await saveSettings({ portal_terms: "Be very nice." })
        // Saving the same text again publishes nothing.
        await saveSettings({ portal_terms: "Be very nice." })
        const stale = await signUp("terms@partners.test", { terms_version: 1 })
        expect([stale.status, stale.data.message]).toEqual([400, "terms_version: accept the current terms (version 2)"])
        expect(await affiliateByEmail("terms@partners.test")).toBeUndefined()

        const before = Date.now()
        expect((await signUp("terms@partners.test", { terms_version: 2 })).status).toBe(202)
        const stored = await affiliateByEmail("terms@partners.test")
        expect(stored.terms_version).toBe(2)
        expect(new Date(stored.terms_accepted_at).getTime()).toBeGreaterThanOrEqual(before - 1000)

        const auth = await logIn("terms@partners.test")
        const kinds = async () => (await api.get("/affiliate/alerts", auth)).data.alerts
        expect(await kinds()).not.toContainEqual(expect.objectContaining({ kind: "terms_changed" }))
        await saveSettings({ portal_terms: "Be kind." })
        expect(await kinds()).toContainEqual({ kind: "terms_changed", params: { version: 3 } })

        const old = await errorOf(api.post("/affiliate/me/terms", { version: 2 }, auth))
        expect([old.status, old.data.message]).toEqual([400, "terms_version: accept the current terms (version 3)"])
        const { data: accepted } = await api.post("/affiliate/me/terms", { version: 3 }, auth)
        expect(accepted.affiliate).toMatchObject({ terms_version: 3, terms_accepted_at: expect.any(String) })
        expect(await kinds()).not.toContainEqual(expect.objectContaining({ kind: "terms_changed" }))
        const { rows } = await pg().raw(`SELECT version, text FROM affiliate_terms_version ORDER BY version`)
        expect(rows).toEqual([
          { version: 1, text: "Be nice." },
          { version: 2, text: "Be very nice." },
          { version: 3, text: "Be kind." },
        ])
      })
    })

    describe("email verification links", () => {
      it("refuses an expired link; a new one voids the last; a verified partner gets no more", async () => {
        await saveSettings({ registration_mode: "approval" })
        await signUp("late@partners.test")
        const auth = await logIn("late@partners.test")
        const first = await linkToken("late@partners.test", "verify_email")
        await expireLinks("late@partners.test")
        const expired = await errorOf(api.post("/affiliate-account/verify-email", { token: first }, auth))
        expect([expired.status, expired.data.message]).toEqual([400, INVALID_LINK])

        expect((await api.post("/affiliate/me/resend-verification", {}, auth)).status).toBe(202)
        const second = await linkToken("late@partners.test", "verify_email")
        expect((await api.post("/affiliate/me/resend-verification", {}, auth)).status).toBe(202)
        const third = await linkToken("late@partners.test", "verify_email")
        expect(new Set([first, second, third]).size).toBe(3)
        const voided = await errorOf(api.post("/affiliate-account/verify-email", { token: second }, auth))
        expect([voided.status, voided.data.message]).toEqual([400, INVALID_LINK])
        expect((await api.post("/affiliate-account/verify-email", { token: third }, auth)).data.verified).toBe(true)

        expect((await api.post("/affiliate/me/resend-verification", {}, auth)).status).toBe(202)
        expect(await emails("late@partners.test", "verify_email")).toHaveLength(3)
      })

      it("lets one of two simultaneous uses of a link through", async () => {
        await saveSettings({ registration_mode: "auto_approve" })
        await signUp("race@partners.test", { name: "Race Runner" })
        const token = await linkToken("race@partners.test", "verify_email")
        const auth = await logIn("race@partners.test")
        const answers = await Promise.all([1, 2, 3].map(() => errorOf(api.post("/affiliate-account/verify-email", { token }, auth))))
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400])
        const { rows } = await pg().raw(
          `SELECT count(*)::int AS n FROM affiliate_referral_code c JOIN affiliate a ON a.id = c.affiliate_id WHERE a.email = ?`,
          ["race@partners.test"]
        )
        expect(rows[0].n).toBe(1)
      })

      it("refuses malformed bodies with 400", async () => {
        await signUp("malformed@partners.test")
        const auth = await logIn("malformed@partners.test")
        for (const body of [{}, { token: "" }, { token: "x".repeat(65) }, { token: 42 }, { token: "a", extra: 1 }]) {
          expect((await errorOf(api.post("/affiliate-account/verify-email", body, auth))).status).toBe(400)
        }
      })

      it("can't be used by the mailbox's owner for someone who signed up under their email", async () => {
        await saveSettings({ registration_mode: "auto_approve" })
        // Someone signs up with another person's email; that person gets the link and clicks it.
        await signUp("victim@partners.test")
        const token = await linkToken("victim@partners.test", "verify_email")
        expect((await errorOf(api.post("/affiliate-account/verify-email", { token }))).status).toBe(401)
        expect(await affiliateByEmail("victim@partners.test")).toMatchObject({ status: "pending", email_verified_at: null })
      })
    })

    describe("invitations", () => {
      const invite = (id: string) => errorOf(api.post(`/admin/affiliates/${id}/invite`, {}, admin))

      it("invites, voids the older link, accepts once with a new login, and approves the invitee", async () => {
        await saveSettings({ registration_mode: "invite_only" })
        const { data: created } = await api.post("/admin/affiliates", { name: "Ivy Invitee", email: "ivy@partners.test" }, admin)
        const id = created.affiliate.id
        expect((await api.get(`/admin/affiliates/${id}`, admin)).data.affiliate).toMatchObject({ has_login: false, invited_at: null })

        const first = await invite(id)
        expect(first.status).toBe(201)
        expect(first.data).toEqual({ invitation: { email: "ivy@partners.test", expires_at: expect.any(String) } })
        const days = (Date.parse(first.data.invitation.expires_at) - Date.now()) / 86_400_000
        expect(days).toBeGreaterThan(6.99)
        const firstToken = await linkToken("ivy@partners.test", "invitation")
        expect((await emails("ivy@partners.test", "invitation"))[0].link).toContain("/partners/accept-invite?token=")

        expect((await invite(id)).status).toBe(201)
        const secondToken = await linkToken("ivy@partners.test", "invitation")
        const voided = await errorOf(api.post("/affiliate-account/invitations/check", { token: firstToken }))
        expect([voided.status, voided.data.message]).toEqual([400, INVALID_LINK])

        const { data: checked } = await api.post("/affiliate-account/invitations/check", { token: secondToken })
        expect(checked).toEqual({ invitation: { email: "ivy@partners.test", name: "Ivy Invitee", expires_at: expect.any(String) } })
        const short = await errorOf(api.post("/affiliate-account/invitations/accept", { token: secondToken, password: "short" }))
        expect(short.status).toBe(400)

        const { data: accepted } = await api.post("/affiliate-account/invitations/accept", { token: secondToken, password: "a-new-password" })
        expect(accepted).toEqual({ email: "ivy@partners.test" })
        const again = await errorOf(api.post("/affiliate-account/invitations/accept", { token: secondToken, password: "another-one" }))
        expect([again.status, again.data.message]).toEqual([400, INVALID_LINK])

        const auth = await logIn("ivy@partners.test", "a-new-password")
        const { data: me } = await api.get("/affiliate/me", auth)
        expect(me.affiliate).toMatchObject({ id, status: "active", email_verified_at: expect.any(String) })
        expect(me.affiliate.codes).toEqual([expect.objectContaining({ code: "IVY" })])
        const { data: detail } = await api.get(`/admin/affiliates/${id}`, admin)
        expect(detail.affiliate).toMatchObject({ has_login: true, invited_at: expect.any(String), email_verified_at: expect.any(String) })
        const refused = await invite(id)
        expect(refused.status).toBe(400)

        const { data: trail } = await api.get(`/admin/affiliates/${id}/audit-log`, admin)
        expect(trail.audit_entries.filter((entry: any) => entry.action === "affiliate.invited")).toHaveLength(2)
      })

      it("binds the login a customer of the same email already has, with the password chosen", async () => {
        await saveSettings({ registration_mode: "approval" })
        await api.post("/auth/customer/emailpass/register", { email: "shopper@partners.test", password: "customer-password" })
        const { data: created } = await api.post("/admin/affiliates", { name: "Shopper", email: "shopper@partners.test" }, admin)
        expect((await invite(created.affiliate.id)).status).toBe(201)
        const token = await linkToken("shopper@partners.test", "invitation")
        expect((await api.post("/affiliate-account/invitations/accept", { token, password: "partner-password" })).status).toBe(200)

        const { data: me } = await api.get("/affiliate/me", await logIn("shopper@partners.test", "partner-password"))
        expect(me.affiliate.id).toBe(created.affiliate.id)
        const identities = await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "shopper@partners.test" })
        expect(identities).toHaveLength(1)
        expect((await api.get(`/admin/affiliates/${created.affiliate.id}`, admin)).data.affiliate.has_login).toBe(true)
      })

      it("replaces a login made in advance for the invitee's email, so its tokens never become the partner's", async () => {
        await saveSettings({ registration_mode: "invite_only" })
        const { data: created } = await api.post("/admin/affiliates", { name: "Star", email: "star@partners.test" }, admin)
        // Someone else registers a login for the email before the invitation is accepted, and keeps its token.
        const { data: squatted } = await api.post("/auth/affiliate/emailpass/register", { email: "star@partners.test", password: "squatter-password" })
        const { data: held } = await api.post("/auth/affiliate/emailpass", { email: "star@partners.test", password: "squatter-password" })
        expect((await invite(created.affiliate.id)).status).toBe(201)
        const token = await linkToken("star@partners.test", "invitation")
        expect((await api.post("/affiliate-account/invitations/accept", { token, password: "star-password" })).status).toBe(200)

        for (const old of [squatted.token, held.token]) {
          const refreshed = await errorOf(api.post("/auth/token/refresh", {}, bearer(old)))
          expect(refreshed.status).toBeGreaterThanOrEqual(400)
          expect((await errorOf(api.get("/affiliate/me", bearer(old)))).status).toBe(401)
        }
        const { data: me } = await api.get("/affiliate/me", await logIn("star@partners.test", "star-password"))
        expect(me.affiliate.id).toBe(created.affiliate.id)
        const identities = await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "star@partners.test" })
        expect(identities).toHaveLength(1)
      })

      it("refuses an expired invitation, and works while registration is closed", async () => {
        await saveSettings({ registration_mode: "closed" })
        const { data: created } = await api.post("/admin/affiliates", { name: "Olga", email: "olga@partners.test" }, admin)
        expect((await invite(created.affiliate.id)).status).toBe(201)
        const token = await linkToken("olga@partners.test", "invitation")
        await expireLinks("olga@partners.test")
        for (const [route, body] of [["check", { token }], ["accept", { token, password: "a-new-password" }]] as const) {
          const refused = await errorOf(api.post(`/affiliate-account/invitations/${route}`, body))
          expect([refused.status, refused.data.message]).toEqual([400, INVALID_LINK])
        }
        const logins = await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "olga@partners.test" })
        expect(logins).toEqual([])

        expect((await invite(created.affiliate.id)).status).toBe(201)
        const fresh = await linkToken("olga@partners.test", "invitation")
        // Two tabs accepting at once: one login, one answer 200.
        const answers = await Promise.all(
          ["a-new-password", "another-password"].map((password) =>
            errorOf(api.post("/affiliate-account/invitations/accept", { token: fresh, password }))
          )
        )
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400])
        expect(await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "olga@partners.test" })).toHaveLength(1)
        const winner = answers[0].status === 200 ? "a-new-password" : "another-password"
        expect((await api.get("/affiliate/me", await logIn("olga@partners.test", winner))).data.affiliate.status).toBe("active")
        expect((await invite("aff_unknown")).status).toBe(404)
      })
    })

    describe("password reset through Medusa's routes", () => {
      it("answers 201 for any email, and the emailed token works once", async () => {
        await saveSettings({ registration_mode: "approval" })
        await signUp("reset@partners.test")
        const tokens: string[] = []
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const subscriber = async ({ data }: any) => {
          if (data.actor_type === "affiliate") tokens.push(data.token)
        }
        const context = { subscriberId: `portal-accounts-reset-${Date.now()}` }
        eventBus.subscribe("auth.password_reset", subscriber as any, context)
        try {
          const unknown = await api.post("/auth/affiliate/emailpass/reset-password", { identifier: "nobody@partners.test" })
          const known = await api.post("/auth/affiliate/emailpass/reset-password", { identifier: "reset@partners.test" })
          expect([unknown.status, known.status]).toEqual([201, 201])
          const deadline = Date.now() + 10_000
          while (!tokens.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
          expect(tokens).toHaveLength(1)

          const updated = await api.post("/auth/affiliate/emailpass/update", { password: "changed-password" }, bearer(tokens[0]))
          expect(updated.status).toBe(200)
          const reused = await errorOf(api.post("/auth/affiliate/emailpass/update", { password: "hijacked!!" }, bearer(tokens[0])))
          expect(reused.status).toBe(401)
          const { data: me } = await api.get("/affiliate/me", await logIn("reset@partners.test", "changed-password"))
          expect(me.affiliate.email).toBe("reset@partners.test")
        } finally {
          eventBus.unsubscribe("auth.password_reset", subscriber as any, context)
        }
      })
    })

    describe("the partner's own profile", () => {
      it("changes name, company, audience and locale, not the email", async () => {
        await saveSettings({ registration_mode: "approval" })
        await signUp("me@partners.test")
        const auth = await logIn("me@partners.test")
        const { data } = await api.post("/affiliate/me", { name: "Me Myself", audience: "Runners", locale: "pt-BR", website: "https://me.test" }, auth)
        expect(data.affiliate).toMatchObject({ name: "Me Myself", audience: "Runners", locale: "pt-BR", website: "https://me.test", email: "me@partners.test" })
        for (const body of [{ email: "other@partners.test" }, { status: "active" }, { locale: "klingon" }, { name: "" }]) {
          expect((await errorOf(api.post("/affiliate/me", body, auth))).status).toBe(400)
        }
      })
    })

    describe("the /affiliate/* guard", () => {
      // Every route file under src/api/affiliate, whoever added it: none answers without a partner's login.
      const portalRoutes = routesInSource(path.join(__dirname, "..", "..")).filter((route) => route.split(" ")[1].startsWith("/affiliate/"))

      it("answers 401 on every /affiliate/ route without a session, with a login that is no partner's, and with an admin's token", async () => {
        expect(portalRoutes.length).toBeGreaterThanOrEqual(10)
        const stranger = bearer(await newLogin("stranger@partners.test"))
        for (const route of [...portalRoutes, "GET /affiliate/not-a-route-yet"]) {
          const [method, pattern] = route.split(" ")
          const url = pattern.replace(/:[a-z_]+/g, "afx_1")
          for (const config of [{}, stranger, admin]) {
            const response = await errorOf(api.request({ method, url, data: method === "GET" ? undefined : {}, ...config }))
            expect([route, response.status]).toEqual([route, 401])
          }
        }
      })
    })
  },
})
