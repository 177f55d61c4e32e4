import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const validateRuleTargetsStepId = "validate-commission-rule-targets"

/**
 * This step checks that the affiliates and products rules point at exist.
 */
export const validateRuleTargetsStep = createStep(
  validateRuleTargetsStepId,
  async (rules: { affiliate_id?: string | null; product_id?: string | null }[], { container }) => {
    const affiliateIds = [...new Set(rules.map((rule) => rule.affiliate_id).filter(Boolean))] as string[]
    const productIds = [...new Set(rules.map((rule) => rule.product_id).filter(Boolean))] as string[]
    if (affiliateIds.length) {
      const found = await affiliateService(container).listAffiliates({ id: affiliateIds }, { select: ["id"] })
      const missing = affiliateIds.filter((id) => !found.some((affiliate) => affiliate.id === id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `affiliate_id: affiliate with id: ${missing.join(", ")} was not found`)
      }
    }
    if (productIds.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
      const missing = productIds.filter((id) => !data.some((product: any) => product.id === id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `product_id: product with id: ${missing.join(", ")} was not found`)
      }
    }
    return new StepResponse(void 0)
  }
)
