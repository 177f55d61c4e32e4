import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AttributionSource } from "../../../modules/affiliate/types"
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

type AttributionUndo = { updated_id: string | null; created_id: string | null }

/**
 * This step credits an order to an affiliate: the one its cart was attributed
 * to or, without one, the affiliate the customer is bound to for life (C6).
 * It also decides whether the order earns anything: not when the attribution
 * window has passed (a lifetime binding has none: the rules' commission
 * windows apply), the affiliate is no longer active, or the shopper is the
 * affiliate (by customer account or email). Running it again for the same
 * order returns the same attribution.
 */
export const attributeOrderStep = createStep(
  attributeOrderStepId,
  async ({ order }: { order: CommissionOrder }, { container }) => {
    const service = affiliateService(container)
    const options = service.getOptions()
    const nothing = new StepResponse<OrderAttribution | null, AttributionUndo>(null, { updated_id: null, created_id: null })

    const [existing] = await service.listAttributions({ order_id: order.id }, { take: 1 })
    if (existing) {
      const affiliate = await service.retrieveAffiliate(existing.affiliate_id)
      return new StepResponse<OrderAttribution | null, AttributionUndo>(
        toOrderAttribution(existing, affiliate, existing.rejection_reason),
        { updated_id: null, created_id: null }
      )
    }

    const [fromCart] = order.cart?.id
      ? await service.listAttributions({ cart_id: order.cart.id }, { take: 1 })
      : []
    if (fromCart) {
      const affiliate = await service.retrieveAffiliate(fromCart.affiliate_id)
      const reason = rejectionReason(order, fromCart, affiliate, options.attribution_window_days)
      await service.updateAttributions({
        id: fromCart.id,
        order_id: order.id,
        customer_id: order.customer_id ?? fromCart.customer_id,
        rejection_reason: reason,
      })
      return new StepResponse<OrderAttribution | null, AttributionUndo>(
        toOrderAttribution(fromCart, affiliate, reason),
        { updated_id: fromCart.id, created_id: null }
      )
    }

    if (!options.lifetime_attribution || !order.customer_id) {
      return nothing
    }
    const [binding] = await service.listCustomerBindings({ customer_id: order.customer_id }, { take: 1 })
    if (!binding) {
      return nothing
    }
    const affiliate = await service.retrieveAffiliate(binding.affiliate_id)
    const reason = rejectionReason(order, binding, affiliate, null)
    const created = await service.createAttributions({
      order_id: order.id,
      customer_id: order.customer_id,
      affiliate_id: binding.affiliate_id,
      source: AttributionSource.LIFETIME,
      referred_at: binding.referred_at,
      rejection_reason: reason,
    })
    return new StepResponse<OrderAttribution | null, AttributionUndo>(
      toOrderAttribution(created, affiliate, reason),
      { updated_id: null, created_id: created.id }
    )
  },
  async (undo: AttributionUndo | undefined, { container }) => {
    const service = affiliateService(container)
    if (undo?.updated_id) {
      await service.updateAttributions({ id: undo.updated_id, order_id: null, rejection_reason: null })
    }
    if (undo?.created_id) {
      await service.deleteAttributions(undo.created_id)
    }
  }
)

function toOrderAttribution(
  attribution: { id: string; affiliate_id: string; source: string; referred_at: Date },
  affiliate: any,
  reason: string | null
): OrderAttribution {
  return {
    id: attribution.id,
    affiliate_id: attribution.affiliate_id,
    source: attribution.source,
    referred_at: attribution.referred_at,
    rejection_reason: reason ?? null,
    affiliate,
  }
}

function rejectionReason(
  order: CommissionOrder,
  attribution: { referred_at: Date | string },
  affiliate: { status: string; email: string; customer_id: string | null },
  windowDays: number | null
): string | null {
  const placedAt = new Date(order.created_at).getTime()
  if (windowDays != null && new Date(attribution.referred_at).getTime() + windowDays * 86_400_000 < placedAt) {
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
