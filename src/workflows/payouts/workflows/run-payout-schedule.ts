import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { runPayoutScheduleStep } from "../steps/run-payout-schedule"

export const runAffiliatePayoutScheduleWorkflowId = "run-affiliate-payout-schedule"

/**
 * This workflow runs the program's monthly payout schedule (setting
 * `payout_schedule`) as of `now` (default: the current time): on or after the
 * payout day, once per month and currency. Returns the batches it made.
 */
export const runAffiliatePayoutScheduleWorkflow = createWorkflow(
  runAffiliatePayoutScheduleWorkflowId,
  (input: { now?: Date | string }) => {
    const now = transform({ input }, ({ input }) => (input.now ? new Date(input.now) : new Date()).toISOString())
    const run = runPayoutScheduleStep({ now })
    emitPayoutEvents(transform({ run }, ({ run }) => run.events))
    return new WorkflowResponse(transform({ run }, ({ run }) => run.batch_ids))
  }
)
