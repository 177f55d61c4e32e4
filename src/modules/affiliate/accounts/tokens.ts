/**
 * One-time account links (email verification, invitations): a 32-byte random
 * token goes in the email, only its sha256 is stored, so a database leak
 * gives no working link. A token is consumed by one atomic UPDATE: two
 * clicks at once can't both pass.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import { createHash, randomBytes } from "crypto"
import { ACCOUNT_TOKEN_LIFETIME_MS, type AccountTokenKind } from "./lifetimes"

type KnexLike = any

const TABLE = "affiliate_account_token"

export type AccountTokenRow = {
  id: string
  kind: AccountTokenKind
  affiliate_id: string
  email: string
  expires_at: Date
  used_at: Date | null
}

export type IssuedAccountToken = { id: string; token: string; expires_at: Date }

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

/**
 * Issues a new link of `kind` for the affiliate, voiding its older unused
 * ones of the same kind (they stop working at once). Returns the raw token,
 * which is never stored.
 */
export async function issueAccountToken(
  knex: KnexLike,
  input: { kind: AccountTokenKind; affiliate_id: string; email: string; now: Date }
): Promise<IssuedAccountToken> {
  const { kind, affiliate_id, email, now } = input
  await knex(TABLE).where({ affiliate_id, kind }).whereNull("used_at").update({ used_at: now })
  const token = randomBytes(32).toString("base64url")
  const row = {
    id: generateEntityId(undefined, "aftok"),
    kind,
    affiliate_id,
    email,
    token_hash: hashAccountToken(token),
    expires_at: new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[kind]),
    created_at: now,
  }
  await knex(TABLE).insert(row)
  return { id: row.id, token, expires_at: row.expires_at }
}

/** Voids a link (the compensation of `issueAccountToken`). */
export async function voidAccountToken(knex: KnexLike, id: string, now: Date): Promise<void> {
  await knex(TABLE).where({ id }).whereNull("used_at").update({ used_at: now })
}

/** A usable link of `kind`, without consuming it (an invitation's check), or null. */
export async function peekAccountToken(
  knex: KnexLike,
  token: string,
  kind: AccountTokenKind,
  now: Date
): Promise<AccountTokenRow | null> {
  const row = await knex(TABLE)
    .where({ token_hash: hashAccountToken(token), kind })
    .whereNull("used_at")
    .where("expires_at", ">", now)
    .first("id", "kind", "affiliate_id", "email", "expires_at", "used_at")
  return row ?? null
}

/**
 * Uses a link once: marks it used if it is of `kind`, unused and not expired
 * at `now`, in one statement. Null for anything else (unknown, used, expired).
 */
export async function consumeAccountToken(
  knex: KnexLike,
  token: string,
  kind: AccountTokenKind,
  now: Date
): Promise<AccountTokenRow | null> {
  const { rows } = await knex.raw(
    `UPDATE ${TABLE} SET used_at = ? WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?
     RETURNING id, kind, affiliate_id, email, expires_at, used_at`,
    [now, hashAccountToken(token), kind, now]
  )
  return rows[0] ?? null
}

/** Makes a consumed link usable again (the compensation of a failed verification or acceptance). */
export async function releaseAccountToken(knex: KnexLike, id: string, usedAt: Date): Promise<void> {
  await knex(TABLE).where({ id, used_at: usedAt }).update({ used_at: null })
}
