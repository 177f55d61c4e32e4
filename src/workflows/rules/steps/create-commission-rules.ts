import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export type CommissionRuleInput = Record<string, unknown> & {
  affiliate_id?: string | null
  product_id?: string | null
}

export const createCommissionRulesStepId = "create-commission-rules"

/**
 * This step creates commission rules, each with a `rule.created` audit entry.
 * Compensation deletes them (logged too).
 */
export const createCommissionRulesStep = createStep(
  createCommissionRulesStepId,
  async (input: { rules: CommissionRuleInput[]; actor: AuditActor }, { container }) => {
    const created = await affiliateService(container).createCommissionRulesAudited(input.rules, input.actor)
    return new StepResponse(created, { ids: created.map((rule) => rule.id), actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.ids?.length) {
      return
    }
    await affiliateService(container).deleteCommissionRulesAudited(undo.ids, undo.actor, UNDONE_REASON)
  }
)
