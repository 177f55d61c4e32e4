import type { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../../affiliate-service"
import { isSelfReferral } from "../../referrals/utils/resolve-referral"
import { CommissionOrder } from "./order-fields"

export type FraudReason = "self_referral" | "click_burst_from_ip" | "conversion_rate_out_of_range"

type ScreenedAttribution = { affiliate_id: string; click_id?: string | null }
type ScreenedAffiliate = { email: string; customer_id: string | null }

const DAY_MS = 86_400_000
const CONVERSION_PERIOD_DAYS = 30

/**
 * E7: why an attributed order's lines should wait for a person to look at
 * them, or null. Nothing is dropped: a held line is released or rejected by an
 * admin. Checked in order of certainty: the shopper is the affiliate; the
 * referring click came from an IP hash that clicked far too often; the
 * affiliate converts more clicks than a real audience does. `counted`: the
 * order's attribution is already linked (so the conversion count has it).
 */
export async function fraudHoldReason(
  container: MedusaContainer,
  order: CommissionOrder,
  attribution: ScreenedAttribution,
  affiliate: ScreenedAffiliate,
  { counted }: { counted: boolean } = { counted: true }
): Promise<FraudReason | null> {
  if (isSelfReferral(order, affiliate)) {
    return "self_referral"
  }

  const service = affiliateService(container)
  const { fraud } = await service.getProgramSettings()
  const placedAt = new Date(order.created_at)

  if (attribution.click_id) {
    const clicks = await service.clicksFromSameIp(attribution.click_id, new Date(placedAt.getTime() - DAY_MS))
    if (clicks > fraud.max_clicks_per_ip_per_day) {
      return "click_burst_from_ip"
    }
  }

  // Conversion is orders from clicks over clicks: an order from a typed code
  // or a lifetime binding had no click, so it is neither counted nor checked.
  if (!attribution.click_id) {
    return null
  }
  const { clicks, orders } = await service.affiliateConversion(
    attribution.affiliate_id,
    new Date(placedAt.getTime() - CONVERSION_PERIOD_DAYS * DAY_MS)
  )
  if (clicks >= fraud.min_clicks_for_conversion_check && clicks > 0) {
    // This order counts too, linked already or about to be.
    if (((orders + (counted ? 0 : 1)) / clicks) * 100 > fraud.max_conversion_rate) {
      return "conversion_rate_out_of_range"
    }
  }
  return null
}
