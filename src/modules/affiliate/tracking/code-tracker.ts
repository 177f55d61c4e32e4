/**
 * The click path's sub-service: code and link look-ups behind bounded
 * in-process caches, and click recording (one SQL statement, no workflow).
 */
import type { ModuleTx } from "../module-tx"
import { clickRefusedError, codeRefusal } from "../utils/code-refusal"
import { isPlausibleCode, normalizeCode } from "../utils/codes"
import { isBotUserAgent } from "../utils/bots"
import { saltedHash, signAttributionToken } from "../utils/token"
import { LookupCache } from "./lookup-cache"
import { insertClick } from "./record-click"
import type { AffiliateDTO } from "../../../types/affiliate"
import type {
  RecordClickInput,
  RecordedClick,
  ReferralCodeDTO,
  ReferralLinkDTO,
  ResolvedCode,
} from "../../../types/tracking"

// Code and link look-ups on the click path: bounded in entries and age (I9 defect 7).
const CODE_CACHE = { max: 10_000, maxMissing: 1_000, ttlMs: 10_000 }
const DAY_MS = 86_400_000

/** What recording a click needs from the program. */
export type ClickSettings = { secret: string; attribution_window_days: number }

export class CodeTracker {
  // Clicks and redirects look a code up on every request; a short in-process
  // cache keeps that off the database without serving stale codes for long.
  protected readonly codeCache_ = new LookupCache<ResolvedCode>(CODE_CACHE)
  protected readonly linkCache_ = new LookupCache<ReferralLinkDTO>(CODE_CACHE)

  /**
   * A code or alias, case-insensitively, with its affiliate; null for an
   * unknown code and, without a look-up, for anything that can't be a code.
   * `fresh` bypasses the cache, as anything that writes money does.
   */
  async resolveCode(tx: ModuleTx, code: string, { fresh = false }: { fresh?: boolean } = {}): Promise<ResolvedCode | null> {
    if (!isPlausibleCode(code)) {
      return null
    }
    const typed = normalizeCode(code)
    const cached = this.codeCache_.get(typed)
    if (!fresh && cached !== undefined) {
      return cached
    }
    const [row] = await tx.service.listReferralCodes({ code: typed }, { take: 1 }, tx.context)
    let resolved: ResolvedCode | null = null
    if (row) {
      const primary = row.alias_of_id ? await tx.service.retrieveReferralCode(row.alias_of_id, {}, tx.context) : row
      const affiliate = await tx.service.retrieveAffiliate(primary.affiliate_id, {}, tx.context)
      resolved = {
        code: primary as unknown as ReferralCodeDTO,
        typed,
        affiliate: affiliate as unknown as AffiliateDTO,
      }
    }
    this.codeCache_.set(typed, resolved)
    return resolved
  }

  /** An active link of a code (`sub_id` null: the code's own link), cached like codes. */
  async resolveLink(tx: ModuleTx, codeId: string, subId: string | null): Promise<ReferralLinkDTO | null> {
    const key = `${codeId}|${subId ?? ""}`
    const cached = this.linkCache_.get(key)
    if (cached !== undefined) {
      return cached
    }
    const [link] = await tx.service.listReferralLinks(
      { code_id: codeId, sub_id: subId, is_active: true },
      { take: 1 },
      tx.context
    )
    const value = (link as unknown as ReferralLinkDTO) ?? null
    this.linkCache_.set(key, value)
    return value
  }

  /**
   * Records a visit through a referral link and returns the attribution token
   * the storefront keeps. Bots are not recorded; a visitor's repeat within
   * the hour returns their last counted click.
   */
  async recordClick(
    tx: ModuleTx,
    input: RecordClickInput,
    settings: () => Promise<ClickSettings>
  ): Promise<RecordedClick> {
    const resolved = await this.resolveCode(tx, input.code)
    if (!resolved) {
      throw clickRefusedError(input.code, "unknown_code")
    }
    const refusal = codeRefusal(resolved, { sales_channel_id: input.sales_channel_id })
    if (refusal) {
      throw clickRefusedError(input.code, refusal)
    }
    const subId = input.sub_id?.trim() || null
    const link = await this.resolveLink(tx, resolved.code.id, subId)
    const answer = { affiliate: { name: resolved.affiliate.name }, code: resolved.typed, link }
    if (isBotUserAgent(input.user_agent)) {
      return { ...answer, click_id: null, token: null, expires_at: null, counted: false }
    }

    const { secret, attribution_window_days } = await settings()
    const click = await insertClick(tx.knex, {
      affiliate_id: resolved.affiliate.id,
      code_id: resolved.code.id,
      link_id: link?.id ?? null,
      sub_id: subId,
      sales_channel_id: input.sales_channel_id ?? null,
      landing_url: input.landing_url ?? null,
      referrer: input.referrer ?? null,
      // The link's own tags fill what the visit didn't carry.
      utm_source: input.utm_source ?? link?.utm_source ?? null,
      utm_medium: input.utm_medium ?? link?.utm_medium ?? null,
      utm_campaign: input.utm_campaign ?? link?.utm_campaign ?? null,
      utm_term: input.utm_term ?? link?.utm_term ?? null,
      utm_content: input.utm_content ?? link?.utm_content ?? null,
      ip_hash: saltedHash(input.ip, secret),
      user_agent_hash: saltedHash(input.user_agent, secret),
      visitor_hash: saltedHash(`${input.ip ?? ""}|${input.user_agent ?? ""}`, secret),
    })
    const expiresAt = new Date(new Date(click.created_at).getTime() + attribution_window_days * DAY_MS)
    return {
      ...answer,
      click_id: click.id,
      token: signAttributionToken(click.id, expiresAt, secret),
      expires_at: expiresAt,
      counted: click.counted,
    }
  }

  /** Drops cached look-ups after codes or affiliates change. */
  clear(): void {
    this.codeCache_.clear()
    this.linkCache_.clear()
  }
}
