/**
 * The writes of partner accounts, each in the caller's transaction: using a
 * verification or invitation link (and the inverse, for a workflow's
 * compensation), issuing links, accepting the terms. The affiliate row is
 * locked before it is read, so two requests about one partner are serialized.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { AuditAction, type AuditActor } from "../../../types/audit"
import { writeAuditEntries } from "../audit/audit-log"
import type { AccountTokenKind } from "./lifetimes"
import { consumeAccountToken, issueAccountToken, releaseAccountToken, voidAccountToken } from "./tokens"

type KnexLike = any

export const INVALID_LINK = "token: this link is invalid, used or expired"

/** What an account flow needs to know about the partner. */
export type AccountAffiliate = {
  id: string
  name: string
  email: string
  status: string
  locale: string | null
  email_verified_at: Date | null
  invited_at: Date | null
}

const ACCOUNT_COLUMNS = ["id", "name", "email", "status", "locale", "email_verified_at", "invited_at"]

async function lockAffiliate(knex: KnexLike, id: string): Promise<AccountAffiliate | null> {
  const row = await knex("affiliate").where({ id }).whereNull("deleted_at").forUpdate().first(ACCOUNT_COLUMNS)
  return row ?? null
}

export async function readAccountAffiliate(knex: KnexLike, id: string): Promise<AccountAffiliate> {
  const row = await knex("affiliate").where({ id }).whereNull("deleted_at").first(ACCOUNT_COLUMNS)
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${id} was not found`)
  }
  return row
}

/** What `useAccountLink` changed, so `undoAccountLink` can put it back. */
export type UsedAccountLink = {
  token_id: string
  used_at: Date
  affiliate: AccountAffiliate
  /** `email_verified_at` before: null when this link verified the email. */
  previous_verified_at: Date | null
}

/**
 * Uses a link of `kind` once and marks the partner's email verified (both
 * kinds prove the partner reads that mailbox). Refused (400, one message for
 * every case) when the link is unknown, used, expired, or was sent to an
 * address the partner no longer has.
 */
export async function useAccountLink(
  knex: KnexLike,
  input: { token: string; kind: AccountTokenKind; now: Date }
): Promise<UsedAccountLink> {
  const { token, kind } = input
  // Workflows may hand dates over serialized.
  const now = new Date(input.now)
  const used = await consumeAccountToken(knex, token, kind, now)
  const affiliate = used && (await lockAffiliate(knex, used.affiliate_id))
  if (!used || !affiliate || affiliate.email !== used.email) {
    // The transaction rolls back: a link sent to an old address stays unused, but unusable.
    throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID_LINK)
  }
  const previous_verified_at = affiliate.email_verified_at
  if (!previous_verified_at) {
    await knex("affiliate").where({ id: affiliate.id }).update({ email_verified_at: now, updated_at: now })
  }
  return {
    token_id: used.id,
    used_at: now,
    affiliate: { ...affiliate, email_verified_at: previous_verified_at ?? now },
    previous_verified_at,
  }
}

/** The inverse of `useAccountLink`: the link works again, the email is as it was. */
export async function undoAccountLink(knex: KnexLike, used: Omit<UsedAccountLink, "affiliate"> & { affiliate_id: string }) {
  await releaseAccountToken(knex, used.token_id, new Date(used.used_at))
  if (!used.previous_verified_at) {
    await knex("affiliate").where({ id: used.affiliate_id }).update({ email_verified_at: null })
  }
}

export type IssuedAccountLink = {
  token_id: string
  token: string
  expires_at: Date
  affiliate: AccountAffiliate
  /** `invited_at` before an invitation (for the compensation). */
  previous_invited_at: Date | null
}

/**
 * Issues a link of `kind` to the partner's current email, voiding older unused
 * ones; an invitation also records `invited_at`.
 */
export async function issueAccountLink(
  knex: KnexLike,
  input: { affiliate_id: string; kind: AccountTokenKind; now: Date; actor?: AuditActor }
): Promise<IssuedAccountLink> {
  const { affiliate_id, kind, actor } = input
  const now = new Date(input.now)
  const affiliate = await lockAffiliate(knex, affiliate_id)
  if (!affiliate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${affiliate_id} was not found`)
  }
  const issued = await issueAccountToken(knex, { kind, affiliate_id, email: affiliate.email, now })
  if (kind === "invitation") {
    await knex("affiliate").where({ id: affiliate_id }).update({ invited_at: now, updated_at: now })
    if (actor) {
      await writeAuditEntries(knex, [
        {
          ...actor,
          action: AuditAction.AFFILIATE_INVITED,
          target_type: "affiliate",
          target_id: affiliate_id,
          affiliate_id,
          before: { invited_at: affiliate.invited_at },
          after: { invited_at: now, email: affiliate.email, expires_at: issued.expires_at },
        },
      ])
    }
  }
  return {
    token_id: issued.id,
    token: issued.token,
    expires_at: issued.expires_at,
    affiliate: kind === "invitation" ? { ...affiliate, invited_at: now } : affiliate,
    previous_invited_at: affiliate.invited_at,
  }
}

/** The inverse of `issueAccountLink`: the link stops working, `invited_at` is as it was. */
export async function undoIssuedAccountLink(
  knex: KnexLike,
  issued: { token_id: string; affiliate_id: string; kind: AccountTokenKind; previous_invited_at: Date | null },
  now: Date
) {
  await voidAccountToken(knex, issued.token_id, now)
  if (issued.kind === "invitation") {
    await knex("affiliate").where({ id: issued.affiliate_id }).update({ invited_at: issued.previous_invited_at })
  }
}

export type TermsAcceptance = {
  terms_version: number
  terms_accepted_at: Date
  /** What the partner had accepted before (the compensation puts it back). */
  previous: { terms_version: number | null; terms_accepted_at: Date | null }
}

/** Records that the partner accepted terms `version` (checked by the caller against the version in force). */
export async function recordTermsAccepted(
  knex: KnexLike,
  input: { affiliate_id: string; version: number; now: Date }
): Promise<TermsAcceptance> {
  const affiliate = await knex("affiliate")
    .where({ id: input.affiliate_id })
    .whereNull("deleted_at")
    .forUpdate()
    .first("id", "terms_version", "terms_accepted_at")
  if (!affiliate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.affiliate_id} was not found`)
  }
  const now = new Date(input.now)
  await knex("affiliate")
    .where({ id: input.affiliate_id })
    .update({ terms_version: input.version, terms_accepted_at: now, updated_at: now })
  return {
    terms_version: input.version,
    terms_accepted_at: now,
    previous: { terms_version: affiliate.terms_version, terms_accepted_at: affiliate.terms_accepted_at },
  }
}
