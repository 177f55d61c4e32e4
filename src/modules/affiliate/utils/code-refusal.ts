import { MedusaError } from "@medusajs/framework/utils"
import type { ResolvedCode } from "../../../types/tracking"

/** Why an affiliate can't earn in a sales channel right now. */
export type AffiliateRefusal = "inactive_affiliate" | "sales_channel_not_allowed"

/** Why a known code can't credit anyone right now. */
export type CodeRefusal = "inactive_code" | "expired_code" | AffiliateRefusal

/**
 * "Can this affiliate earn here?" (C7), the one answer carts, clicks, leads
 * and orders all use: only an active affiliate, and only in a sales channel
 * it is allowed in. Null when it can.
 */
export function affiliateRefusal(
  affiliate: { status: string; sales_channel_ids?: unknown },
  salesChannelId: string | null | undefined
): AffiliateRefusal | null {
  if (affiliate.status !== "active") {
    return "inactive_affiliate"
  }
  if (!isSalesChannelAllowed(affiliate.sales_channel_ids, salesChannelId)) {
    return "sales_channel_not_allowed"
  }
  return null
}

/**
 * Why a code can't credit anyone right now, or null when it can: the code
 * must be active, not expired and allowed in the channel, and its affiliate
 * able to earn there.
 */
export function codeRefusal(
  { code, affiliate }: ResolvedCode,
  { now = new Date(), sales_channel_id }: { now?: Date; sales_channel_id?: string | null } = {}
): CodeRefusal | null {
  if (!code.is_active) {
    return "inactive_code"
  }
  if (code.expires_at && new Date(code.expires_at) <= now) {
    return "expired_code"
  }
  const refusal = affiliateRefusal(affiliate, sales_channel_id)
  if (refusal) {
    return refusal
  }
  return isSalesChannelAllowed(code.sales_channel_ids, sales_channel_id) ? null : "sales_channel_not_allowed"
}

/** The message a shopper (or storefront) sees for a code that can't be used. */
export function describeCodeRefusal(code: string, refusal: CodeRefusal): string {
  switch (refusal) {
    case "inactive_code":
      return `Referral code ${code} is no longer active`
    case "expired_code":
      return `Referral code ${code} has expired`
    case "inactive_affiliate":
      return `Referral code ${code} belongs to an affiliate who is not active`
    case "sales_channel_not_allowed":
      return `Referral code ${code} is not valid in this store`
  }
}

/**
 * Whether a code or affiliate limited to some sales channels (C7) may credit
 * in this one. No list, or an empty one, means every channel; an unknown
 * channel is allowed, since there is nothing to compare.
 */
export function isSalesChannelAllowed(
  allowed: unknown,
  salesChannelId: string | null | undefined
): boolean {
  if (!salesChannelId || !Array.isArray(allowed) || !allowed.length) {
    return true
  }
  return allowed.includes(salesChannelId)
}

/** Why a click was not recorded: a refusal of a known code, or no such code. */
export type ClickRefusal = CodeRefusal | "unknown_code"

/**
 * The error a refused click throws: a Medusa error (404 for an unknown code,
 * 400 otherwise, with the shopper's message) that also names the refusal, so
 * a redirect can say why without echoing what the visitor typed.
 */
export function clickRefusedError(code: string, refusal: ClickRefusal): MedusaError & { refusal: ClickRefusal } {
  const error =
    refusal === "unknown_code"
      ? new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${code} was not found`)
      : new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCodeRefusal(code, refusal))
  return Object.assign(error, { refusal })
}
