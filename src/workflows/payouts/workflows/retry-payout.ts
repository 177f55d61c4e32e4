import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryPayoutInput } from "../../../modules/affiliate/payouts"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { eventsOf } from "../steps/events-of"
import { retryPayoutStep } from "../steps/retry-payout"
import { sendPayoutStep } from "../steps/send-payout"

export const retryAffiliatePayoutWorkflowId = "retry-affiliate-payout"

/**
 * This workflow pays a failed or canceled payout again, as a new payout of
 * the same amount (`retry_of_id` points at the first), through its provider
 * or another one.
 *
 * @example
 * const { result } = await retryAffiliatePayoutWorkflow(container).run({ input: { id, actor } })
 */
export const retryAffiliatePayoutWorkflow = createWorkflow(
  retryAffiliatePayoutWorkflowId,
  (input: { id: string; affiliate_id: string } & RetryPayoutInput) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate:payout:${input.affiliate_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const payout = retryPayoutStep(input)
    const actor = transform({ input }, ({ input }) => input.actor!)
    const sent = sendPayoutStep({ id: payout.id, actor })
    releaseLockStep({ key: lockKey })
    emitPayoutEvents(transform({ sent }, ({ sent }) => eventsOf([sent], [sent])))
    return new WorkflowResponse(payout)
  }
)
