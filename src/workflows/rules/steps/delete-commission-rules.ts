import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const deleteCommissionRulesStepId = "delete-commission-rules"

/**
 * This step soft-deletes commission rules (lines they produced keep the
 * rule's id), each with a `rule.deleted` audit entry. Compensation restores them (logged too).
 */
export const deleteCommissionRulesStep = createStep(
  deleteCommissionRulesStepId,
  async (input: { ids: string[]; actor: AuditActor }, { container }) => {
    await affiliateService(container).deleteCommissionRulesAudited(input.ids, input.actor)
    return new StepResponse(input.ids, input)
  },
  async (undo, { container }) => {
    if (!undo?.ids?.length) {
      return
    }
    await affiliateService(container).restoreCommissionRulesAudited(undo.ids, undo.actor, UNDONE_REASON)
  }
)
