import { checkApplicationAnswers, checkTermsAccepted } from "../accounts/application"
import { partnerAlerts } from "../accounts/alerts"
import { hashAccountToken } from "../accounts/tokens"
import { ACCOUNT_TOKEN_LIFETIME_MS } from "../accounts/lifetimes"
import type { ApplicationField } from "../settings"

const FIELDS: ApplicationField[] = [
  { key: "niche", label: "Niche", type: "text", required: true },
  { key: "channel", label: "Channel", type: "select", options: ["youtube", "blog"], required: false },
  { key: "adult", label: "18+", type: "checkbox", required: true },
]

describe("application answers", () => {
  it("keeps known answers, trimmed", () => {
    expect(checkApplicationAnswers(FIELDS, { niche: " Bikes ", adult: true, channel: "blog" })).toEqual({
      niche: "Bikes",
      adult: true,
      channel: "blog",
    })
  })

  it.each([
    [{ adult: true }, "fields.niche: required"],
    [{ niche: "x", adult: false }, "fields.adult: required"],
    [{ niche: "x", adult: true, channel: "tv" }, "fields.channel: must be one of youtube, blog"],
    [{ niche: "x".repeat(1001), adult: true }, "fields.niche: at most 1000 characters"],
    [{ niche: "a\u0000b", adult: true }, "fields.niche: must not contain control characters"],
    [{ niche: "x", adult: true, other: "y" }, "fields.other: not a question of this program"],
    [{ niche: true, adult: true }, "fields.niche: must be text"],
  ])("refuses %# naming the field", (answers, message) => {
    expect(() => checkApplicationAnswers(FIELDS, answers as any)).toThrow(message)
  })

  it("asks for the current terms version only when there are terms", () => {
    expect(() => checkTermsAccepted(null, undefined)).not.toThrow()
    expect(() => checkTermsAccepted(2, 2)).not.toThrow()
    expect(() => checkTermsAccepted(2, 1)).toThrow("terms_version: accept the current terms (version 2)")
    expect(() => checkTermsAccepted(2, undefined)).toThrow("terms_version")
  })
})

describe("partner alerts", () => {
  const base = { status: "active", email_verified_at: new Date(), terms_version: 1, payout_method: "paypal", current_terms_version: 1 }

  it("says nothing when all is well", () => {
    expect(partnerAlerts(base)).toEqual([])
  })

  it("lists each problem", () => {
    expect(partnerAlerts({ ...base, status: "pending", email_verified_at: null, current_terms_version: 2 })).toEqual([
      { kind: "email_unverified" },
      { kind: "application_under_review" },
      { kind: "terms_changed", params: { version: 2 } },
    ])
    expect(partnerAlerts({ ...base, payout_method: null }).map((alert) => alert.kind)).toEqual(["missing_payout_details"])
    expect(partnerAlerts({ ...base, status: "suspended" }).map((alert) => alert.kind)).toEqual(["suspended"])
    expect(partnerAlerts({ ...base, status: "rejected" }).map((alert) => alert.kind)).toEqual(["application_rejected"])
  })
})

describe("account links", () => {
  it("stores a sha256 of the token, and lasts 48 hours (verification) or 7 days (invitation)", () => {
    expect(hashAccountToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    expect(ACCOUNT_TOKEN_LIFETIME_MS.verify_email).toBe(48 * 3600 * 1000)
    expect(ACCOUNT_TOKEN_LIFETIME_MS.invitation).toBe(7 * 24 * 3600 * 1000)
  })
})
