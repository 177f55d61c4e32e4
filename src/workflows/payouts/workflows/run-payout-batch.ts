import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutBatchInput } from "../../../modules/affiliate/payouts"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { runPayoutBatchStep } from "../steps/run-payout-batch"

export const runAffiliatePayoutBatchWorkflowId = "run-affiliate-payout-batch"

/**
 * This workflow pays every partner due a payout in a currency (or the chosen
 * ones) as one batch (F3); see `modules/affiliate/payouts/run-batch.ts`.
 * Returns the batch's id (null when a schedule's month was claimed already).
 *
 * @example
 * const { result } = await runAffiliatePayoutBatchWorkflow(container).run({
 *   input: { currency_code: "usd", actor: { actor_type: "user", actor_id } },
 * })
 */
export const runAffiliatePayoutBatchWorkflow = createWorkflow(
  runAffiliatePayoutBatchWorkflowId,
  (input: CreatePayoutBatchInput) => {
    const run = runPayoutBatchStep(input)
    emitPayoutEvents(transform({ run }, ({ run }) => run.events))
    return new WorkflowResponse(transform({ run }, ({ run }) => ({ batch_id: run.batch_id })))
  }
)
