import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import { approveDueLinesStep } from "../steps/approve-due-lines"

export const approveDueCommissionsWorkflowId = "approve-due-commissions"

/**
 * This workflow approves every commission line whose order is paid and whose
 * hold period has passed, and announces each as `affiliate_commission.approved`.
 * `now` defaults to the current time; tests and back-fills pass their own.
 */
export const approveDueCommissionsWorkflow = createWorkflow(
  approveDueCommissionsWorkflowId,
  (input: { now?: Date | string }) => {
    const now = transform({ input }, ({ input }) => (input.now ? new Date(input.now) : new Date()))
    const approved = approveDueLinesStep({ now })
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_APPROVED, data: approved })
    return new WorkflowResponse(transform({ approved }, ({ approved }) => approved.map((line) => line.id)))
  }
)
