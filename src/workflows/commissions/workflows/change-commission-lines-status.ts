import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { changeLinesStatusStep, ChangeLinesStatusInput } from "../steps/change-lines-status"

export const changeCommissionLinesStatusWorkflowId = "change-commission-lines-status"

/**
 * This workflow lets an admin approve lines before their hold ends, reject
 * them, put them on hold for review, or release a hold, one line or many at
 * once. The reason and the admin are kept on each line.
 *
 * @example
 * await changeCommissionLinesStatusWorkflow(container).run({
 *   input: { ids: ["afcom_1"], action: "reject", reason: "Test order", actor: "user_1" },
 * })
 */
export const changeCommissionLinesStatusWorkflow = createWorkflow(
  changeCommissionLinesStatusWorkflowId,
  (input: ChangeLinesStatusInput) => {
    const changed = changeLinesStatusStep(input)
    return new WorkflowResponse(changed)
  }
)
