import { createHash, createHmac, timingSafeEqual } from "crypto"

/**
 * Attribution tokens are `<click id>.<expiry in epoch seconds>.<signature>`:
 * the storefront keeps one in a first-party cookie, and a forged or expired
 * token is refused without a database read.
 */
export function signAttributionToken(clickId: string, expiresAt: Date, secret: string): string {
  const payload = `${clickId}.${Math.floor(expiresAt.getTime() / 1000)}`
  return `${payload}.${sign(payload, secret)}`
}

export type VerifiedToken =
  | { valid: true; click_id: string; expires_at: Date }
  | { valid: false; reason: "malformed" | "bad_signature" | "expired" }

export function verifyAttributionToken(token: string, secret: string, now = new Date()): VerifiedToken {
  const parts = token.split(".")
  if (parts.length !== 3 || !/^\d+$/.test(parts[1])) {
    return { valid: false, reason: "malformed" }
  }
  const [clickId, expiry, signature] = parts
  const expected = Buffer.from(sign(`${clickId}.${expiry}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { valid: false, reason: "bad_signature" }
  }
  const expiresAt = new Date(Number(expiry) * 1000)
  if (expiresAt <= now) {
    return { valid: false, reason: "expired" }
  }
  return { valid: true, click_id: clickId, expires_at: expiresAt }
}

/** A salted one-way hash, so clicks never keep a raw IP or user agent. */
export function saltedHash(value: string | undefined | null, secret: string): string | null {
  if (!value) {
    return null
  }
  return createHash("sha256").update(`${assertSecret(secret)}:${value}`).digest("base64url").slice(0, 32)
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", assertSecret(secret)).update(payload).digest("base64url")
}

/**
 * The options refuse a short secret at boot; this keeps an empty or short one
 * passed by other code from ever signing or salting anything.
 */
function assertSecret(secret: string): string {
  if (typeof secret !== "string" || secret.length < 16) {
    throw new Error("medusa-plugin-affiliate: refusing to sign with a secret shorter than 16 characters")
  }
  return secret
}
