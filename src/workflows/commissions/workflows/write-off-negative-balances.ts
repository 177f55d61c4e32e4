import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { writeOffNegativeBalancesStep } from "../steps/write-off-negative-balances"

export const writeOffNegativeBalancesWorkflowId = "write-off-negative-affiliate-balances"

/**
 * This workflow applies "no negative carryover" (F5): a balance that clawbacks
 * left below zero is written off as a ledger line at the start of a period
 * (a calendar month, UTC), so the affiliate starts the period at zero. The
 * period comes from `now` (default: the current time); running it twice in
 * one period writes nothing more.
 */
export const writeOffNegativeBalancesWorkflow = createWorkflow(
  writeOffNegativeBalancesWorkflowId,
  (input: { now?: Date | string }) => {
    const period = transform({ input }, ({ input }) =>
      (input.now ? new Date(input.now) : new Date()).toISOString().slice(0, 7)
    )
    const written = writeOffNegativeBalancesStep({ period })
    return new WorkflowResponse(written)
  }
)
