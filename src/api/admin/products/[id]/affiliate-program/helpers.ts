import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import { commissionRuleFields } from "../../../affiliate-rules/query-config"
import { creativeFields } from "../../../affiliate-creatives/query-config"

/** Most creatives of one product the widget shows. */
const CREATIVES_SHOWN = 50

/**
 * A product's place in the program (D8), as the product page's widget shows
 * it: in the program or not (its product rules: an active excluded rule at
 * level 0 takes it out), visible to partners or not, its landing page, the
 * rules that name it (rates and levels) and its creatives. 404 for an unknown product.
 */
export async function productAffiliateProgram(container: MedusaContainer, productId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = affiliateService(container)
  const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productId } })
  if (!products.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  }
  const [{ data: rules }, { data: creatives }, [participation], settings] = await Promise.all([
    query.graph({
      entity: "commission_rule",
      fields: commissionRuleFields,
      filters: { product_id: productId },
      pagination: { order: { level: "ASC", created_at: "ASC" }, take: 100, skip: 0 },
    }),
    query.graph({
      entity: "affiliate_creative",
      fields: creativeFields,
      filters: { product_id: productId },
      pagination: { order: { created_at: "DESC" }, take: CREATIVES_SHOWN, skip: 0 },
    }),
    service.listProductParticipation([productId]),
    service.getProgramSettings(),
  ])
  const excluded = rules.some((rule: any) => rule.scope === "product" && rule.is_active && rule.excluded && (rule.level ?? 0) === 0)
  return {
    product_id: productId,
    in_program: !excluded,
    visible_in_portal: participation.visible_in_portal,
    landing_url: participation.landing_url,
    rules,
    creatives,
    // What applies where the product has no rule of its own.
    default_commission_rate: settings.default_commission_rate,
    max_levels: settings.max_levels,
  }
}
