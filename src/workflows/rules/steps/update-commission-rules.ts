import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const updateCommissionRulesStepId = "update-commission-rules"

/**
 * This step updates commission rules, keeping what they were for compensation.
 */
export const updateCommissionRulesStep = createStep(
  updateCommissionRulesStepId,
  async (data: ({ id: string } & Record<string, unknown>)[], { container }) => {
    const service = affiliateService(container)
    const fields = [...new Set(data.flatMap((row) => Object.keys(row)))]
    const before = await service.listCommissionRules({ id: data.map((row) => row.id) }, { select: fields as any })
    const updated = await service.updateCommissionRules(data as any[])
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    await affiliateService(container).updateCommissionRules(before as any[])
  }
)
