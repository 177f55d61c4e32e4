import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type CommissionRuleInput = Record<string, unknown> & {
  affiliate_id?: string | null
  product_id?: string | null
}

export const createCommissionRulesStepId = "create-commission-rules"

/**
 * This step creates commission rules.
 */
export const createCommissionRulesStep = createStep(
  createCommissionRulesStepId,
  async (data: CommissionRuleInput[], { container }) => {
    const created = await affiliateService(container).createCommissionRules(data as any[])
    return new StepResponse(created, created.map((rule) => rule.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).deleteCommissionRules(ids)
  }
)
