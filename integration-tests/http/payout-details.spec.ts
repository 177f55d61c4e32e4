import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { registerPartner, type Partner } from "../helpers/partners"

jest.setTimeout(120_000)

// B6: a partner's payout details, set by an admin or by the partner, checked
// per method, masked wherever they aren't needed, and audited (masked).
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let ann: Partner
    let ben: Partner

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      ann = await registerPartner(api, admin, "ann@partners.test", "Ann")
      ben = await registerPartner(api, admin, "ben@partners.test", "Ben")
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const auditEntries = async (affiliateId: string) =>
      await knex()("affiliate_audit_entry")
        .where({ affiliate_id: affiliateId, action: "payout_details.changed" })
        .orderBy([{ column: "created_at" }, { column: "id" }])
    const fullDetails = async (affiliateId: string) =>
      (await api.get(`/admin/affiliates/${affiliateId}/payout-details`, admin)).data.payout_details

    const bank = {
      method: "bank_transfer",
      account_holder_name: "Ann Example",
      iban: "DE89 3704 0044 0532 0130 00",
      bic: "COBADEFFXXX",
      bank_name: "Commerzbank",
      country: "DE",
    }

    it("an admin sets them: in full in the single read and the answer, masked in the list, the affiliate and the audit log", async () => {
      const { data } = await api.post(`/admin/affiliates/${ann.id}/payout-details`, bank, admin)
      const stored = { ...bank, iban: "DE89370400440532013000" }
      expect(data.payout_details).toMatchObject({ affiliate_id: ann.id, payout_method: "bank_transfer", payout_details: stored })
      expect(await fullDetails(ann.id)).toEqual({
        affiliate_id: ann.id,
        payout_method: "bank_transfer",
        payout_details: stored,
        payout_details_updated_at: expect.any(String),
      })

      const masked = { ...stored, iban: "•••• 3000", account_number: null, masked: true }
      const { data: list } = await api.get("/admin/affiliates?order=name", admin)
      expect(list.affiliates.map((a: any) => [a.name, a.payout_method, a.payout_details])).toEqual([
        ["Ann", "bank_transfer", masked],
        ["Ben", null, null],
      ])
      const { data: one } = await api.get(`/admin/affiliates/${ann.id}`, admin)
      expect(one.affiliate.payout_details).toEqual(masked)
      expect(JSON.stringify(list)).not.toContain("0532013000")
      expect(JSON.stringify(one)).not.toContain("0532013000")

      // Replaced by PayPal: one entry per change, the admin as the actor, masked before and after.
      await api.post(`/admin/affiliates/${ann.id}/payout-details`, { method: "paypal", email: "ann.pay@example.com" }, admin)
      const entries = await auditEntries(ann.id)
      expect(entries.map((e: any) => [e.actor_type, e.actor_id, e.target_type, e.target_id, e.before, e.after])).toEqual([
        ["user", admin.userId, "affiliate", ann.id, null, { payout_method: "bank_transfer", payout_details: masked }],
        [
          "user",
          admin.userId,
          "affiliate",
          ann.id,
          { payout_method: "bank_transfer", payout_details: masked },
          { payout_method: "paypal", payout_details: { method: "paypal", email: "a•••@example.com", masked: true } },
        ],
      ])
      expect(JSON.stringify(entries)).not.toMatch(/0532013000|ann\.pay@/)
      expect((await fullDetails(ann.id)).payout_details).toEqual({ method: "paypal", email: "ann.pay@example.com" })
    })

    it("a partner sets and reads only their own (masked); another partner's token can neither read nor change them", async () => {
      const wallet = { method: "crypto", currency: "USDT", network: "tron", wallet_address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }
      const { data } = await api.post("/affiliate/me/payout-details", wallet, ann.auth)
      expect(data.payout_details).toEqual({
        payout_method: "crypto",
        payout_details: { ...wallet, memo: null, wallet_address: "•••• Lj6t", masked: true },
        payout_details_updated_at: expect.any(String),
      })
      expect((await api.get("/affiliate/me/payout-details", ann.auth)).data).toEqual(data)
      expect((await fullDetails(ann.id)).payout_details).toEqual(wallet)
      expect((await auditEntries(ann.id)).map((e: any) => [e.actor_type, e.actor_id])).toEqual([["affiliate", ann.id]])

      // Ben sees his own (none) and what he saves is his.
      expect((await api.get("/affiliate/me/payout-details", ben.auth)).data.payout_details).toMatchObject({
        payout_method: null,
        payout_details: null,
      })
      await api.post("/affiliate/me/payout-details", { method: "skrill", email: "ben@example.com" }, ben.auth)
      expect((await fullDetails(ann.id)).payout_details).toEqual(wallet)
      expect((await fullDetails(ben.id)).payout_details).toEqual({ method: "skrill", email: "ben@example.com" })
      // A partner's token is not an admin's, and the partner routes take no affiliate id.
      expect((await errorOf(api.get(`/admin/affiliates/${ann.id}/payout-details`, ben.auth))).status).toBe(401)
      expect((await errorOf(api.post(`/admin/affiliates/${ann.id}/payout-details`, wallet, ben.auth))).status).toBe(401)
      expect((await errorOf(api.post("/affiliate/me/payout-details", { ...wallet, affiliate_id: ann.id }, ben.auth))).status).toBe(400)
      expect((await errorOf(api.get("/affiliate/me/payout-details"))).status).toBe(401)
      expect((await fullDetails(ann.id)).payout_details).toEqual(wallet)
    })

    it("refuses invalid details per method with a 400 naming the field, writing nothing", async () => {
      await api.post(`/admin/affiliates/${ann.id}/payout-details`, bank, admin)
      const before = await fullDetails(ann.id)
      const cases: [Record<string, unknown>, string][] = [
        [{ ...bank, iban: "DE88370400440532013000" }, "iban: not a valid IBAN (country, length or check digits)"],
        [{ ...bank, iban: undefined }, "iban: an IBAN or an account_number is required"],
        [{ ...bank, country: "FR" }, "country: FR is not the IBAN's country (DE)"],
        [{ ...bank, bic: "NOPE" }, "bic: not a valid BIC/SWIFT code"],
        [{ method: "paypal", email: "not-an-email" }, "email: not an email address"],
        [{ method: "neteller" }, "Field 'email' is required"],
        [{ method: "crypto", currency: "BTC", network: "bitcoin", wallet_address: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3" }, "wallet_address: not a valid bitcoin address"],
        [{ method: "crypto", currency: "BTC", network: "tron", wallet_address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }, "network: BTC is paid on bitcoin, not tron"],
        [{ method: "other", instructions: "x".repeat(1001) }, "Value for field 'instructions' too big, expected at most: '1000'"],
        [{ method: "venmo", email: "ann@example.com" }, "method: one of bank_transfer, paypal, skrill, neteller, crypto, other"],
        [{ method: "paypal", email: "ann@example.com", note: "extra" }, "Unrecognized fields: 'note'"],
      ]
      for (const [body, message] of cases) {
        for (const [url, auth] of [[`/admin/affiliates/${ann.id}/payout-details`, admin], ["/affiliate/me/payout-details", ann.auth]] as const) {
          const refused = await errorOf(api.post(url, body, auth))
          expect([url, refused.status, refused.data.message]).toEqual([url, 400, `Invalid request: ${message}`])
        }
      }
      expect(await fullDetails(ann.id)).toEqual(before)
      expect(await auditEntries(ann.id)).toHaveLength(1)

      // Not through the profile: details are validated and audited on their own route.
      const viaProfile = await errorOf(api.post(`/admin/affiliates/${ann.id}`, { payout_details: { iban: "x" } }, admin))
      expect([viaProfile.status, viaProfile.data.message]).toEqual([400, "Invalid request: Unrecognized fields: 'payout_details'"])
      expect((await errorOf(api.post("/admin/affiliates/aff_missing/payout-details", bank, admin))).status).toBe(404)
      expect((await errorOf(api.get("/admin/affiliates/aff_missing/payout-details", admin))).status).toBe(404)
      expect(await fullDetails(ann.id)).toEqual(before)
    })
  },
})
