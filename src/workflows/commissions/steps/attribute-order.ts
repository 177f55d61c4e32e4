import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"
import { CommissionOrder } from "../utils/order-fields"

export type OrderAttribution = {
  id: string
  affiliate_id: string
  source: string
  referred_at: Date
  /** Why the order earns nothing, or null when it earns commission. */
  rejection_reason: string | null
  affiliate: {
    id: string
    commission_rate: number | null
    raw_commission_rate?: unknown
  }
}

export const attributeOrderStepId = "attribute-order"

/**
 * This step credits an order to the affiliate its cart was attributed to, and
 * decides whether the order earns anything: not when the attribution window
 * has passed, the affiliate is no longer active, or the shopper is the
 * affiliate (by customer account or email). Running it again for the same
 * order returns the same attribution.
 */
export const attributeOrderStep = createStep(
  attributeOrderStepId,
  async ({ order }: { order: CommissionOrder }, { container }) => {
    const service = affiliateService(container)
    const existing = await service.listAttributions({ order_id: order.id }, { take: 1 })
    const attribution =
      existing[0] ??
      (order.cart?.id
        ? (await service.listAttributions({ cart_id: order.cart.id }, { take: 1 }))[0]
        : undefined)
    if (!attribution) {
      return new StepResponse<OrderAttribution | null, string | null>(null, null)
    }
    const affiliate = await service.retrieveAffiliate(attribution.affiliate_id)
    const alreadyAttributed = attribution.order_id === order.id

    const reason = alreadyAttributed
      ? attribution.rejection_reason
      : rejectionReason(order, attribution, affiliate, service.getOptions().attribution_window_days)

    if (!alreadyAttributed) {
      await service.updateAttributions({
        id: attribution.id,
        order_id: order.id,
        customer_id: order.customer_id ?? attribution.customer_id,
        rejection_reason: reason,
      })
    }
    return new StepResponse<OrderAttribution | null, string | null>(
      {
        id: attribution.id,
        affiliate_id: attribution.affiliate_id,
        source: attribution.source,
        referred_at: attribution.referred_at,
        rejection_reason: reason ?? null,
        affiliate: affiliate as any,
      },
      alreadyAttributed ? null : attribution.id
    )
  },
  async (attributionId: string | null | undefined, { container }) => {
    if (!attributionId) {
      return
    }
    await affiliateService(container).updateAttributions({
      id: attributionId,
      order_id: null,
      rejection_reason: null,
    })
  }
)

function rejectionReason(
  order: CommissionOrder,
  attribution: { referred_at: Date | string },
  affiliate: { status: string; email: string; customer_id: string | null },
  windowDays: number
): string | null {
  const placedAt = new Date(order.created_at).getTime()
  if (new Date(attribution.referred_at).getTime() + windowDays * 86_400_000 < placedAt) {
    return "attribution_expired"
  }
  if (affiliate.status !== "active") {
    return "affiliate_not_active"
  }
  const sameCustomer = !!order.customer_id && order.customer_id === affiliate.customer_id
  const sameEmail = !!order.email && order.email.toLowerCase() === affiliate.email.toLowerCase()
  if (sameCustomer || sameEmail) {
    return "self_referral"
  }
  return null
}
