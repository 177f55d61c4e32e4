import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import { changeLinesStatusStep, ChangeLinesStatusInput } from "../steps/change-lines-status"

export const changeCommissionLinesStatusWorkflowId = "change-commission-lines-status"

/**
 * This workflow lets an admin approve lines before their hold ends, reject
 * them, put them on hold for review, or release a hold, one line or many at
 * once. The reason and the admin are kept on each line and in the audit log;
 * each line approved is announced as `affiliate_commission.approved`. Returns
 * the ids of the lines changed.
 *
 * @example
 * await changeCommissionLinesStatusWorkflow(container).run({
 *   input: {
 *     ids: ["afcom_1"],
 *     action: "reject",
 *     reason: "Test order",
 *     actor: { actor_type: "user", actor_id: "user_1" },
 *   },
 * })
 */
export const changeCommissionLinesStatusWorkflow = createWorkflow(
  changeCommissionLinesStatusWorkflowId,
  (input: ChangeLinesStatusInput) => {
    const change = changeLinesStatusStep(input)
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_APPROVED,
      data: transform({ change }, ({ change }) => change.approved),
    })
    return new WorkflowResponse(transform({ change }, ({ change }) => change.previous.map((line) => line.id)))
  }
)
