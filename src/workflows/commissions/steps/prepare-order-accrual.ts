import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccrualLineInput, AccrueOrderInput } from "../../../modules/affiliate/ledger/accrual"
import { AttributionSource } from "../../../modules/affiliate/types"
import { affiliateRefusal } from "../../../modules/affiliate/utils/code-refusal"
import { computeOrderCommission, earningLevels } from "../../../modules/affiliate/utils/commission-rules"
import { affiliateService } from "../../affiliate-service"
import { gatherCommissionFacts } from "../utils/commission-facts"
import { fraudHoldReason } from "../utils/fraud-screen"
import { CommissionOrder } from "../utils/order-fields"
import { orderPaidAt } from "../utils/order-paid-at"

/** The attribution an order is credited to, as the rules engine reads it. */
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

export const prepareOrderAccrualStepId = "prepare-order-accrual"

/**
 * This step decides, without writing anything, what the accrual of a placed
 * order writes: the attribution credited (the cart's or, without one, the
 * customer's lifetime affiliate, C6), whether the order earns (not when the
 * attribution window has passed, the affiliate is no longer active or not in
 * the order's sales channel, C7), whether its lines are held for a fraud
 * review (E7), the lifetime binding, and one sale line per earning level
 * priced by the rules engine. Null when no affiliate is credited. The module
 * writes all of it in one transaction (`accrueOrderStep`).
 */
export const prepareOrderAccrualStep = createStep(
  prepareOrderAccrualStepId,
  async ({ order }: { order: CommissionOrder & { version?: number } }, { container }) => {
    const service = affiliateService(container)
    const options = await service.getProgramSettings()

    // A run before this one linked the order (a repeat delivery, or an
    // accrual cut short): the module keeps its recorded reason and writes
    // only what is missing.
    const [linked] = await service.listAttributions({ order_id: order.id }, { take: 1 })
    const [fromCart] = !linked && order.cart?.id
      ? await service.listAttributions({ cart_id: order.cart.id, order_id: null } as any, { take: 1 })
      : []
    let credited: { id: string | null; affiliate_id: string; source: string; referred_at: Date; click_id?: string | null }
    const row = linked ?? fromCart
    if (row) {
      credited = {
        id: row.id,
        affiliate_id: row.affiliate_id,
        source: row.source,
        referred_at: new Date(row.referred_at),
        click_id: row.click_id,
      }
    } else {
      if (!options.lifetime_attribution || !order.customer_id) {
        return new StepResponse<AccrueOrderInput | null>(null)
      }
      const [binding] = await service.listCustomerBindings({ customer_id: order.customer_id }, { take: 1 })
      if (!binding) {
        return new StepResponse<AccrueOrderInput | null>(null)
      }
      credited = {
        id: null,
        affiliate_id: binding.affiliate_id,
        source: AttributionSource.LIFETIME,
        referred_at: new Date(binding.referred_at),
      }
    }
    const affiliate = await service.retrieveAffiliate(credited.affiliate_id)
    // A lifetime binding has no attribution window: the rules' windows apply.
    const reason = linked
      ? linked.rejection_reason ?? null
      : rejectionReason(order, credited, affiliate, fromCart ? options.attribution_window_days : null)

    const hold = reason
      ? null
      : await fraudHoldReason(container, order, credited, affiliate, { counted: !!linked })
    const lines = reason ? [] : await priceSaleLines(container, order, {
      id: credited.id ?? "",
      affiliate_id: credited.affiliate_id,
      source: credited.source,
      referred_at: credited.referred_at,
      rejection_reason: null,
      hold_reason: hold,
      affiliate,
    })
    const paidAt = orderPaidAt(order.payment_collections)

    return new StepResponse<AccrueOrderInput | null>({
      order_id: order.id,
      attribution: {
        id: credited.id,
        affiliate_id: credited.affiliate_id,
        source: credited.source,
        referred_at: credited.referred_at,
      },
      order: {
        customer_id: order.customer_id ?? null,
        sales_channel_id: (fromCart?.sales_channel_id as string | null) ?? order.sales_channel_id ?? null,
        ordered_at: new Date(order.created_at),
        total: order.total ?? 0,
        currency_code: order.currency_code,
        version: order.version ?? 1,
      },
      rejection_reason: reason,
      hold_reason: hold,
      binding:
        !reason && order.customer_id
          ? { customer_id: order.customer_id, affiliate_id: credited.affiliate_id, referred_at: credited.referred_at }
          : null,
      lines,
      paid_at: paidAt,
      hold_days: options.hold_days,
    })
  }
)

/**
 * One sale line per earning level (the referrer and each parent still
 * earning an override), each priced by the rules engine; levels that earn
 * nothing are left out.
 */
async function priceSaleLines(
  container: Parameters<typeof gatherCommissionFacts>[0],
  order: CommissionOrder,
  attribution: OrderAttribution
): Promise<AccrualLineInput[]> {
  const facts = await gatherCommissionFacts(container, order, attribution)
  const placedAt = new Date(order.created_at)
  return earningLevels(facts.chain, placedAt, facts.max_level).flatMap(({ affiliate_id, level }): AccrualLineInput[] => {
    const commission = computeOrderCommission(
      facts.rules,
      facts.order,
      { ...facts.context, affiliate_id, level, performance: facts.performance.get(affiliate_id) },
      facts.exclusions
    )
    if (MathBN.lte(commission.amount, 0)) {
      return []
    }
    const rates = [...new Set(commission.items.map((item) => item.rate))]
    return [{
      affiliate_id,
      level,
      amount: commission.amount,
      base_amount: commission.base,
      rate: rates.length === 1 ? rates[0] : null,
      rule: commission.rule_id ?? "mixed",
    }]
  })
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
  // The attribution keeps its own names for the refusal (`affiliate_not_active`).
  const refusal = affiliateRefusal(affiliate, order.sales_channel_id)
  return refusal === "inactive_affiliate" ? "affiliate_not_active" : refusal
}
