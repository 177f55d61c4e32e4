import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AttributionSource } from "../../../modules/affiliate/types"
import { affiliateRefusal, codeRefusal, describeCodeRefusal } from "../../../modules/affiliate/utils/code-refusal"
import { verifyAttributionToken } from "../../../modules/affiliate/utils/token"
import { affiliateService } from "../../affiliate-service"

export type ReferralEvidence = {
  /** A code the shopper typed. */
  code?: string
  /** An attribution token from a tracked click. */
  token?: string
}

export type ResolvedReferral = {
  source: AttributionSource
  affiliate: { id: string; name: string; email: string; customer_id: string | null }
  code_id: string | null
  /** The code as typed (normalized), for a code; null for a click. */
  code: string | null
  promotion_id: string | null
  click_id: string | null
  referred_at: Date
  link_id: string | null
  sub_id: string | null
  utm_campaign: string | null
}

/**
 * Turns a typed code or a click token into who referred the shopper, or a
 * 4xx naming what is wrong: an unknown code (404), one that can't credit
 * anyone here (403), a bad or expired token (400). Shared by carts and leads
 * so both accept exactly the same evidence.
 */
export async function resolveReferral(
  container: MedusaContainer,
  evidence: ReferralEvidence,
  { now = new Date(), sales_channel_id = null }: { now?: Date; sales_channel_id?: string | null } = {}
): Promise<ResolvedReferral> {
  const service = affiliateService(container)

  if (evidence.code) {
    const resolved = await service.resolveCode(evidence.code, { fresh: true })
    if (!resolved) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${evidence.code} was not found`)
    }
    const refusal = codeRefusal(resolved, { now, sales_channel_id })
    if (refusal) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCodeRefusal(evidence.code, refusal))
    }
    return {
      source: AttributionSource.CODE,
      affiliate: resolved.affiliate,
      code_id: resolved.code.id,
      code: resolved.typed,
      promotion_id: resolved.code.promotion_id,
      click_id: null,
      referred_at: now,
      link_id: null,
      sub_id: null,
      utm_campaign: null,
    }
  }

  const verified = verifyAttributionToken(evidence.token ?? "", service.getOptions().secret, now)
  if (!verified.valid) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      verified.reason === "expired"
        ? "token: the attribution token has expired"
        : "token: the attribution token is not valid"
    )
  }
  const [click] = await service.listClicks({ id: verified.click_id }, { take: 1 })
  if (!click) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: the attribution token is not valid")
  }
  const affiliate = await service.retrieveAffiliate(click.affiliate_id)
  const refusal = affiliateRefusal(affiliate, sales_channel_id)
  if (refusal) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      refusal === "inactive_affiliate"
        ? "token: the affiliate of this click is not active"
        : "token: the affiliate of this click is not part of the program in this sales channel"
    )
  }
  return {
    source: AttributionSource.LINK,
    affiliate,
    code_id: click.code_id ?? null,
    code: null,
    promotion_id: null,
    click_id: click.id,
    referred_at: new Date(click.created_at),
    link_id: click.link_id ?? null,
    sub_id: click.sub_id ?? null,
    utm_campaign: click.utm_campaign ?? null,
  }
}

/** Whether the shopper is the affiliate, by customer account or email (E7). */
export function isSelfReferral(
  shopper: { customer_id?: string | null; email?: string | null },
  affiliate: { customer_id: string | null; email: string }
): boolean {
  return (
    (!!shopper.customer_id && shopper.customer_id === affiliate.customer_id) ||
    (!!shopper.email && shopper.email.toLowerCase() === affiliate.email.toLowerCase())
  )
}
