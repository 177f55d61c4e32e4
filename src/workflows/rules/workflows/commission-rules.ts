import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createCommissionRulesStep, CommissionRuleInput } from "../steps/create-commission-rules"
import { deleteCommissionRulesStep } from "../steps/delete-commission-rules"
import { updateCommissionRulesStep } from "../steps/update-commission-rules"
import { validateRuleTargetsStep } from "../steps/validate-rule-targets"

export const createCommissionRulesWorkflowId = "create-commission-rules"

/**
 * This workflow creates commission rules after checking the affiliates and
 * products they name exist.
 */
export const createCommissionRulesWorkflow = createWorkflow(
  createCommissionRulesWorkflowId,
  (input: { rules: CommissionRuleInput[] }) => {
    validateRuleTargetsStep(input.rules)
    return new WorkflowResponse(createCommissionRulesStep(input.rules))
  }
)

export const updateCommissionRulesWorkflowId = "update-commission-rules"

/**
 * This workflow changes commission rules. Lines already written keep the
 * amounts they were written with.
 */
export const updateCommissionRulesWorkflow = createWorkflow(
  updateCommissionRulesWorkflowId,
  (input: { rules: ({ id: string } & CommissionRuleInput)[] }) => {
    validateRuleTargetsStep(input.rules)
    return new WorkflowResponse(updateCommissionRulesStep(input.rules))
  }
)

export const deleteCommissionRulesWorkflowId = "delete-commission-rules"

/**
 * This workflow deletes commission rules (softly: ledger lines keep pointing at them).
 */
export const deleteCommissionRulesWorkflow = createWorkflow(
  deleteCommissionRulesWorkflowId,
  (input: { ids: string[] }) => {
    return new WorkflowResponse(deleteCommissionRulesStep(input.ids))
  }
)
