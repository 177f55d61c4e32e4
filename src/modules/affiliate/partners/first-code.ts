/**
 * An approved partner can always link and be typed at checkout: approving one
 * that has no usable code (a self-registered partner) gives it a code at once,
 * made from its name (ADA, then ADA2, ADA3… when taken). The admin can add
 * others or disable this one later.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import type { ModuleTx } from "../module-tx"

type KnexLike = any

const MIN_LENGTH = 3
const MAX_BASE_LENGTH = 20

/**
 * The code a name suggests: its first word's letters and digits, upper case,
 * accents dropped ("Ada Lovelace" → ADA, "Zoë" → ZOE); the whole name when
 * the first word is too short ("Al Smith" → ALSMITH), "PARTNER" when nothing is left.
 */
export function codeBaseFromName(name: string): string {
  const clean = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
  const first = clean(name.trim().split(/\s+/)[0] ?? "")
  const base = first.length >= MIN_LENGTH ? first : clean(name)
  return (base.length >= MIN_LENGTH ? base : "PARTNER").slice(0, MAX_BASE_LENGTH)
}

/** The first of BASE, BASE2, BASE3… that `taken` doesn't hold (compared upper case). */
export function firstFreeCode(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((code) => code.toUpperCase()))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    if (!used.has(`${base}${n}`)) return `${base}${n}`
  }
}

/** Whether the affiliate has a primary code a shopper can use now (active, not expired). */
async function hasUsableCode(knex: KnexLike, affiliateId: string, now: Date) {
  const row = await knex("affiliate_referral_code")
    .where({ affiliate_id: affiliateId, is_active: true })
    .whereNull("alias_of_id")
    .whereNull("deleted_at")
    .where((q: any) => q.whereNull("expires_at").orWhere("expires_at", ">", now))
    .first("id")
  return !!row
}

/**
 * Gives the affiliate a code made from its name unless it already has a
 * usable one, in the caller's transaction. Returns the new code's id, or null.
 * Codes ever used (deleted ones too) are never handed out again, so old links
 * and printed codes never point at someone else.
 */
export async function ensureUsableCode(
  { service, knex, context: sharedContext }: ModuleTx,
  affiliate: { id: string; name: string },
  now = new Date()
): Promise<string | null> {
  if (await hasUsableCode(knex, affiliate.id, now)) return null
  const base = codeBaseFromName(affiliate.name)
  const rows: { code: string }[] = await knex("affiliate_referral_code")
    .where("code", "like", `${base}%`)
    .select("code")
  const code = firstFreeCode(
    base,
    rows.map((row) => row.code)
  )
  const id = generateEntityId(undefined, "afcode")
  await service.createReferralCodes([{ id, affiliate_id: affiliate.id, code, is_active: true }] as any[], sharedContext)
  return id
}
