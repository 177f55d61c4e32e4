import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { actorOr } from "../../audit-actor"
import { createCommissionRulesStep, CommissionRuleInput } from "../steps/create-commission-rules"
import { deleteCommissionRulesStep } from "../steps/delete-commission-rules"
import { updateCommissionRulesStep } from "../steps/update-commission-rules"
import { validateRuleTargetsStep } from "../steps/validate-rule-targets"

export const createCommissionRulesWorkflowId = "create-commission-rules"

/**
 * This workflow creates commission rules after checking the affiliates and
 * products they name exist, and logs each in the audit log.
 */
export const createCommissionRulesWorkflow = createWorkflow(
  createCommissionRulesWorkflowId,
  (input: { rules: CommissionRuleInput[]; actor?: AuditActor }) => {
    validateRuleTargetsStep(input.rules)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, createCommissionRulesWorkflowId))
    return new WorkflowResponse(createCommissionRulesStep({ rules: input.rules, actor }))
  }
)

export const updateCommissionRulesWorkflowId = "update-commission-rules"

/**
 * This workflow changes commission rules and logs what changed. Lines
 * already written keep the amounts they were written with.
 */
export const updateCommissionRulesWorkflow = createWorkflow(
  updateCommissionRulesWorkflowId,
  (input: { rules: ({ id: string } & CommissionRuleInput)[]; actor?: AuditActor }) => {
    validateRuleTargetsStep(input.rules)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, updateCommissionRulesWorkflowId))
    return new WorkflowResponse(updateCommissionRulesStep({ rules: input.rules, actor }))
  }
)

export const deleteCommissionRulesWorkflowId = "delete-commission-rules"

/**
 * This workflow deletes commission rules (softly: ledger lines keep pointing
 * at them) and logs each with what it was.
 */
export const deleteCommissionRulesWorkflow = createWorkflow(
  deleteCommissionRulesWorkflowId,
  (input: { ids: string[]; actor?: AuditActor }) => {
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, deleteCommissionRulesWorkflowId))
    return new WorkflowResponse(deleteCommissionRulesStep({ ids: input.ids, actor }))
  }
)
