import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AffiliateStatus } from "../../../modules/affiliate/types"
import type { CommissionRule, RuleContext, RuleOrder } from "../../../modules/affiliate/utils/commission-rules"
import { affiliateService } from "../../affiliate-service"
import type { OrderAttribution } from "../steps/prepare-order-accrual"
import { CommissionOrder } from "./order-fields"

type ChainLink = { id: string; parent_id: string | null; parent_commission_ends_at: Date | string | null }

/**
 * Everything the rules engine needs to price one order, read in one place:
 * the affiliate chain (referrer, parent, ...), the rules that can apply, the
 * customer's history and, for tiered rules, each affiliate's performance.
 */
export async function gatherCommissionFacts(
  container: MedusaContainer,
  order: CommissionOrder,
  attribution: OrderAttribution
) {
  const service = affiliateService(container)
  const options = await service.getProgramSettings()
  const chain = await affiliateChain(service, attribution.affiliate_id, options.max_levels)
  const productIds = [...new Set(order.items.map((item) => item.product_id).filter(Boolean))] as string[]

  const stored = await service.listApplicableRules({
    affiliate_ids: chain.map((link) => link.id),
    product_ids: productIds,
  })
  const referrer = await service.retrieveAffiliate(attribution.affiliate_id)
  // The shortcuts: an affiliate's own rate and the program default are rules
  // too, placed after the stored ones so that an explicit rule of the same
  // scope wins.
  const rules: CommissionRule[] = [
    ...stored,
    ...(referrer.commission_rate != null
      ? [{
          id: "affiliate",
          scope: "affiliate" as const,
          kind: "percent" as const,
          affiliate_id: referrer.id,
          rate: (referrer.raw_commission_rate as BigNumberInput | undefined) ?? referrer.commission_rate,
          level: 0,
        }]
      : []),
    { id: "program_default", scope: "program", kind: "percent", rate: options.default_commission_rate, level: 0 },
  ]

  const tiered = rules.filter((rule) => rule.tiers?.length && rule.tier_metric)
  const performance = new Map<string, RuleContext["performance"]>()
  if (tiered.length) {
    const periods = tiered.map((rule) => rule.tier_period_days ?? null)
    const shortest = periods.some((days) => days == null) ? null : Math.min(...(periods as number[]))
    const since = shortest == null ? null : new Date(Date.now() - shortest * 86_400_000)
    for (const link of chain) {
      const { paid_orders, revenue } = await service.affiliatePerformance(link.id, since)
      performance.set(link.id, { paid_orders, revenue })
    }
  }

  const firstOrder = await isFirstOrder(container, order)
  const ruleOrder: RuleOrder = {
    currency_code: order.currency_code,
    items: order.items.map((item) => ({ ...item })),
    shipping_subtotal: order.shipping_subtotal,
    shipping_tax_total: order.shipping_tax_total,
  }
  return {
    chain,
    rules,
    order: ruleOrder,
    exclusions: options.exclude_from_base,
    // No parent earns without a rule for its level.
    max_level: Math.min(options.max_levels, Math.max(0, ...rules.map((rule) => rule.level ?? 0))),
    performance,
    context: {
      referred_at: new Date(attribution.referred_at),
      placed_at: new Date(order.created_at),
      is_first_order: firstOrder,
      is_new_customer: await isNewCustomer(container, order, new Date(attribution.referred_at), firstOrder),
    },
  }
}

/** The referrer, then its active parents, up to `maxLevels` above it. */
async function affiliateChain(
  service: ReturnType<typeof affiliateService>,
  affiliateId: string,
  maxLevels: number
): Promise<ChainLink[]> {
  const chain: ChainLink[] = []
  let next: string | null = affiliateId
  while (next && chain.length <= maxLevels && !chain.some((link) => link.id === next)) {
    const [affiliate] = await service.listAffiliates(
      { id: next },
      { select: ["id", "status", "parent_id", "parent_commission_ends_at"] }
    )
    // A parent that is no longer active earns nothing, and neither do those above it.
    if (!affiliate || (chain.length > 0 && affiliate.status !== AffiliateStatus.ACTIVE)) {
      break
    }
    chain.push(affiliate as unknown as ChainLink)
    next = affiliate.parent_id
  }
  return chain
}

/** Whether the customer (by account, else by email) had no order before this one. */
async function isFirstOrder(container: MedusaContainer, order: CommissionOrder) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const who = order.customer_id ? { customer_id: order.customer_id } : order.email ? { email: order.email } : null
  if (!who) {
    return true
  }
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { ...who, created_at: { $lt: order.created_at }, id: { $ne: order.id } } as any,
    pagination: { take: 1 },
  })
  return data.length === 0
}

/**
 * Whether the customer is new to the store (D5): a registered customer whose
 * account was created once they had been referred (a referred sign-up), or a
 * guest placing their first order. Medusa creates a guest's customer record
 * with the cart, so its date says nothing about being new.
 */
async function isNewCustomer(
  container: MedusaContainer,
  order: CommissionOrder,
  referredAt: Date,
  firstOrder: boolean
) {
  if (!order.customer_id) {
    return firstOrder
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "created_at", "has_account"],
    filters: { id: order.customer_id },
  })
  if (!customer?.has_account) {
    return firstOrder
  }
  return new Date(customer.created_at).getTime() >= referredAt.getTime()
}
