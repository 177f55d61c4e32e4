import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AttributionSource } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"
import { isSalesChannelAllowed } from "../../../modules/affiliate/utils/code-refusal"
import { fraudHoldReason } from "../utils/fraud-screen"
import { CommissionOrder } from "../utils/order-fields"

export type OrderAttribution = {
  id: string
  affiliate_id: string
  source: string
  referred_at: Date
  /** Why the order earns nothing, or null when it earns commission. */
  rejection_reason: string | null
  /** Why its lines wait on hold for review (E7), or null. */
  hold_reason: string | null
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
 * windows apply), the affiliate is no longer active or not in the order's
 * sales channel (C7); and whether its lines are held for a fraud review
 * (E7). It records the order's day, total and currency for the reports.
 * Running it again for the same
 * order returns the same attribution.
 */
export const attributeOrderStep = createStep(
  attributeOrderStepId,
  async ({ order }: { order: CommissionOrder }, { container }) => {
    const service = affiliateService(container)
    const options = await service.getProgramSettings()
    const nothing = new StepResponse<OrderAttribution | null, AttributionUndo>(null, { updated_id: null, created_id: null })

    const [existing] = await service.listAttributions({ order_id: order.id }, { take: 1 })
    if (existing) {
      const affiliate = await service.retrieveAffiliate(existing.affiliate_id)
      const hold = existing.rejection_reason ? null : await fraudHoldReason(container, order, existing, affiliate)
      return new StepResponse<OrderAttribution | null, AttributionUndo>(
        toOrderAttribution(existing, affiliate, existing.rejection_reason, hold),
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
        sales_channel_id: fromCart.sales_channel_id ?? order.sales_channel_id ?? null,
        ...orderFacts(order),
      })
      const hold = reason ? null : await fraudHoldReason(container, order, fromCart, affiliate)
      return new StepResponse<OrderAttribution | null, AttributionUndo>(
        toOrderAttribution(fromCart, affiliate, reason, hold),
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
      sales_channel_id: order.sales_channel_id ?? null,
      ...orderFacts(order),
    })
    const hold = reason ? null : await fraudHoldReason(container, order, created, affiliate)
    return new StepResponse<OrderAttribution | null, AttributionUndo>(
      toOrderAttribution(created, affiliate, reason, hold),
      { updated_id: null, created_id: created.id }
    )
  },
  async (undo: AttributionUndo | undefined, { container }) => {
    const service = affiliateService(container)
    if (undo?.updated_id) {
      await service.updateAttributions({
        id: undo.updated_id,
        order_id: null,
        rejection_reason: null,
        ordered_at: null,
        order_total: null,
        currency_code: null,
      })
    }
    if (undo?.created_id) {
      await service.deleteAttributions(undo.created_id)
    }
  }
)

function toOrderAttribution(
  attribution: { id: string; affiliate_id: string; source: string; referred_at: Date },
  affiliate: any,
  reason: string | null,
  hold: string | null
): OrderAttribution {
  return {
    id: attribution.id,
    affiliate_id: attribution.affiliate_id,
    source: attribution.source,
    referred_at: attribution.referred_at,
    rejection_reason: reason ?? null,
    hold_reason: hold,
    affiliate,
  }
}

/** What the reports read of the order, kept on its attribution. */
function orderFacts(order: CommissionOrder) {
  return {
    ordered_at: new Date(order.created_at),
    order_total: order.total ?? 0,
    currency_code: order.currency_code.toLowerCase(),
  }
}

function rejectionReason(
  order: CommissionOrder,
  attribution: { referred_at: Date | string },
  affiliate: { status: string; sales_channel_ids?: unknown },
  windowDays: number | null
): string | null {
  const placedAt = new Date(order.created_at).getTime()
  if (windowDays != null && new Date(attribution.referred_at).getTime() + windowDays * 86_400_000 < placedAt) {
    return "attribution_expired"
  }
  if (affiliate.status !== "active") {
    return "affiliate_not_active"
  }
  if (!isSalesChannelAllowed(affiliate.sales_channel_ids, order.sales_channel_id)) {
    return "sales_channel_not_allowed"
  }
  return null
}
