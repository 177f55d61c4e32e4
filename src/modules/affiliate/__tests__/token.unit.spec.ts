import { saltedHash, signAttributionToken, verifyAttributionToken } from "../utils/token"

const secret = "a-secret-of-sixteen-chars"

describe("attribution tokens", () => {
  const expiresAt = new Date(Date.now() + 86_400_000)

  it("verifies a token it signed and returns the click id", () => {
    const token = signAttributionToken("afclk_123", expiresAt, secret)
    const verified = verifyAttributionToken(token, secret)
    expect(verified).toEqual({
      valid: true,
      click_id: "afclk_123",
      expires_at: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    })
  })

  it.each([
    ["a changed click id", (t: string) => t.replace("afclk_123", "afclk_999"), "bad_signature"],
    ["a changed expiry", (t: string) => t.replace(/\.(\d+)\./, (_, n) => `.${Number(n) + 1}.`), "bad_signature"],
    ["a token signed with another secret", () => signAttributionToken("afclk_123", expiresAt, "another-secret-000000"), "bad_signature"],
    ["garbage", () => "not-a-token", "malformed"],
    ["an empty string", () => "", "malformed"],
  ])("refuses %s", (_, mutate, reason) => {
    const token = (mutate as (t: string) => string)(signAttributionToken("afclk_123", expiresAt, secret))
    expect(verifyAttributionToken(token, secret)).toEqual({ valid: false, reason })
  })

  it("refuses an expired token", () => {
    const token = signAttributionToken("afclk_123", new Date(Date.now() - 1000), secret)
    expect(verifyAttributionToken(token, secret)).toEqual({ valid: false, reason: "expired" })
  })
})

describe("saltedHash", () => {
  it("never returns the raw value and is stable per secret", () => {
    const hash = saltedHash("203.0.113.7", secret)
    expect(hash).not.toContain("203.0.113.7")
    expect(saltedHash("203.0.113.7", secret)).toBe(hash)
    expect(saltedHash("203.0.113.7", "another-secret-000000")).not.toBe(hash)
  })

  it("keeps nothing for a missing value", () => {
    expect(saltedHash(undefined, secret)).toBeNull()
    expect(saltedHash("", secret)).toBeNull()
  })
})

describe("a short secret", () => {
  it.each(["", "short-11chr"])("is refused for signing, verifying and hashing (%j)", (weak) => {
    const message = "medusa-plugin-affiliate: refusing to sign with a secret shorter than 16 characters"
    const token = signAttributionToken("afclk_123", new Date(Date.now() + 60_000), secret)
    expect(() => signAttributionToken("afclk_123", new Date(Date.now() + 60_000), weak)).toThrow(message)
    expect(() => verifyAttributionToken(token, weak)).toThrow(message)
    expect(() => saltedHash("203.0.113.7", weak)).toThrow(message)
  })
})
