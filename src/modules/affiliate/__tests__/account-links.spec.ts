import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import type { AuditActor } from "../../../types"
import { ACCOUNT_TOKEN_LIFETIME_MS } from "../accounts/lifetimes"
import * as models from "../models"
import AffiliateModuleService from "../service"
import { AFFILIATE_MODULE } from "../types"

jest.setTimeout(60_000)

const admin: AuditActor = { actor_type: "user", actor_id: "user_admin" }
const HOUR = 3_600_000

// One-time account links and terms versions (issue 12) on real PostgreSQL,
// with the clock passed in.
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { secret: "module-test-secret-0000" },
  testSuite: ({ service }) => {
    const t0 = new Date("2026-12-02T10:00:00Z")
    const at = (ms: number) => new Date(t0.getTime() + ms)
    const createAffiliate = async () =>
      (await service.createAffiliatesAudited([{ name: "Ada", email: "ada@example.com", status: "pending" }], admin))[0]

    it("a verification link works until 48 hours have passed, once", async () => {
      const ada = await createAffiliate()
      const late = await service.issueAccountLink({ affiliate_id: ada.id, kind: "verify_email", now: t0 })
      await expect(
        service.useAccountLink({ token: late.token, kind: "verify_email", now: at(ACCOUNT_TOKEN_LIFETIME_MS.verify_email) })
      ).rejects.toThrow("token: this link is invalid, used or expired")

      const link = await service.issueAccountLink({ affiliate_id: ada.id, kind: "verify_email", now: t0 })
      expect(link.expires_at).toEqual(at(48 * HOUR))
      // A link of another kind is not this one.
      await expect(service.useAccountLink({ token: link.token, kind: "invitation", now: at(HOUR) })).rejects.toThrow("token:")
      const used = await service.useAccountLink({ token: link.token, kind: "verify_email", now: at(47 * HOUR) })
      expect(used.affiliate.email_verified_at).toEqual(at(47 * HOUR))
      await expect(service.useAccountLink({ token: link.token, kind: "verify_email", now: at(47 * HOUR) })).rejects.toThrow("token:")

      // The compensation makes it usable again and the email unverified.
      await service.undoAccountLink({ ...used, affiliate_id: ada.id })
      expect((await service.retrieveAffiliate(ada.id)).email_verified_at).toBeNull()
      await service.useAccountLink({ token: link.token, kind: "verify_email", now: at(47 * HOUR) })
    })

    it("an invitation lasts 7 days, records invited_at, and a new one voids the last", async () => {
      const ada = await createAffiliate()
      const first = await service.issueAccountLink({ affiliate_id: ada.id, kind: "invitation", now: t0, actor: admin })
      expect(first.expires_at).toEqual(at(7 * 24 * HOUR))
      expect((await service.retrieveAffiliate(ada.id)).invited_at).toEqual(t0)
      expect(await service.previewInvitation(first.token, at(HOUR))).toEqual({ email: "ada@example.com", name: "Ada", expires_at: first.expires_at })
      expect(await service.previewInvitation(first.token, at(7 * 24 * HOUR))).toBeNull()

      const second = await service.issueAccountLink({ affiliate_id: ada.id, kind: "invitation", now: at(HOUR), actor: admin })
      expect(await service.previewInvitation(first.token, at(2 * HOUR))).toBeNull()
      expect(await service.previewInvitation(second.token, at(2 * HOUR))).not.toBeNull()

      // A link sent to an address the partner no longer has is refused.
      await service.updateAffiliates({ id: ada.id, email: "ada@new.example.com" })
      expect(await service.previewInvitation(second.token, at(2 * HOUR))).toBeNull()
      await expect(service.useAccountLink({ token: second.token, kind: "invitation", now: at(2 * HOUR) })).rejects.toThrow("token:")
    })

    it("publishes a terms version per change of portal_terms, and accepts only the one in force", async () => {
      expect(await service.retrieveTermsInForce(t0)).toBeNull()
      await service.saveProgramSettings({ portal_terms: "One" })
      await service.saveProgramSettings({ portal_terms: "One", hold_days: 3 })
      await service.saveProgramSettings({ portal_terms: "Two" })
      expect(await service.retrieveTermsInForce(t0)).toMatchObject({ version: 2, text: "Two" })

      const ada = await createAffiliate()
      await expect(service.acceptTerms({ affiliate_id: ada.id, version: 1, now: t0 })).rejects.toThrow(
        "terms_version: accept the current terms (version 2)"
      )
      expect(await service.acceptTerms({ affiliate_id: ada.id, version: 2, now: t0 })).toMatchObject({
        terms_version: 2,
        terms_accepted_at: t0,
        previous: { terms_version: null, terms_accepted_at: null },
      })
      expect(await service.listPartnerAlerts(ada.id, t0)).toEqual([
        { kind: "email_unverified" },
        { kind: "application_under_review" },
      ])
      await service.saveProgramSettings({ portal_terms: "Three" })
      expect(await service.listPartnerAlerts(ada.id, t0)).toContainEqual({ kind: "terms_changed", params: { version: 3 } })
    })
  },
})
