import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, RecordSnapshot } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export const updateCommissionRulesStepId = "update-commission-rules"

/**
 * This step updates commission rules, with a `rule.updated` audit entry for
 * each that changed. Compensation puts the changed fields back (logged too).
 */
export const updateCommissionRulesStep = createStep(
  updateCommissionRulesStepId,
  async (input: { rules: RecordSnapshot[]; actor: AuditActor }, { container }) => {
    const { updated, previous } = await affiliateService(container).updateCommissionRulesAudited(input.rules, input.actor)
    return new StepResponse(updated, { previous, actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.previous?.length) {
      return
    }
    await affiliateService(container).updateCommissionRulesAudited(undo.previous, undo.actor, UNDONE_REASON)
  }
)
