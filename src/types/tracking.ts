/** Codes, links and clicks: what the click path and the referral checks exchange. */
import type { AffiliateDTO } from "./affiliate"

export type ReferralCodeDTO = {
  id: string
  code: string
  alias_of_id: string | null
  is_active: boolean
  expires_at: Date | null
  promotion_id: string | null
  sales_channel_ids: string[] | null
  affiliate_id: string
}

export type ReferralLinkDTO = {
  id: string
  code_id: string
  sub_id: string | null
  target_url: string | null
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  utm_term: string | null
  utm_content: string | null
  is_active: boolean
}

export type ResolvedCode = {
  /** The primary code row (an alias resolves to it). */
  code: ReferralCodeDTO
  /** The string the shopper typed, normalized. */
  typed: string
  affiliate: AffiliateDTO
}

export type RecordClickInput = {
  code: string
  landing_url?: string | null
  referrer?: string | null
  utm_source?: string | null
  utm_medium?: string | null
  utm_campaign?: string | null
  utm_term?: string | null
  utm_content?: string | null
  sub_id?: string | null
  sales_channel_id?: string | null
  ip?: string | null
  user_agent?: string | null
}

export type RecordedClick = {
  /** Null for a bot, which is not counted and gets no token. */
  click_id: string | null
  token: string | null
  expires_at: Date | null
  /** False for a bot or a repeat within the hour (which returns the last counted click's token). */
  counted: boolean
  affiliate: { name: string }
  code: string
  /** The link the click came through (`/r/CODE[/SUBID]`), if the affiliate made one. */
  link: ReferralLinkDTO | null
}
