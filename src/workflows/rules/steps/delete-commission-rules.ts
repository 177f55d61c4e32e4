import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const deleteCommissionRulesStepId = "delete-commission-rules"

/**
 * This step soft-deletes commission rules; lines they produced keep the
 * rule's id. Compensation restores them.
 */
export const deleteCommissionRulesStep = createStep(
  deleteCommissionRulesStepId,
  async (ids: string[], { container }) => {
    await affiliateService(container).softDeleteCommissionRules(ids)
    return new StepResponse(ids, ids)
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).restoreCommissionRules(ids)
  }
)
