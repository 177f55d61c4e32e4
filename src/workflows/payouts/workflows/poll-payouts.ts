import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { pollPayoutsStep } from "../steps/poll-payouts"

export const pollAffiliatePayoutsWorkflowId = "poll-affiliate-payouts"

/** This workflow asks payout providers how their processing payouts stand, and records it. */
export const pollAffiliatePayoutsWorkflow = createWorkflow(pollAffiliatePayoutsWorkflowId, () => {
  const events = pollPayoutsStep({})
  emitPayoutEvents(events)
  return new WorkflowResponse(events)
})
