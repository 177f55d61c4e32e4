import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { findCommissionGapsStep } from "../steps/find-commission-gaps"
import { findOrdersToReconcileStep } from "../steps/find-orders-to-reconcile"
import { syncOrderPaymentsWorkflow } from "./sync-order-payments"

export const reconcileCommissionsWorkflowId = "reconcile-commissions"

const lookbackStart = (input: { now?: Date | string; lookback_days: number }) => {
  const now = input.now ? new Date(input.now) : new Date()
  return new Date(now.getTime() - input.lookback_days * 86_400_000)
}

/**
 * This workflow catches up on what no event announced and on accruals cut
 * short: it starts the hold of lines whose order was paid without a
 * `payment.captured` (or whose event was lost), and returns the orders that
 * must be accrued: attributed carts whose order was never accrued, and
 * accepted attributed orders without their lines. The caller accrues them
 * one by one, then checks the ledger with `findCommissionGapsWorkflow`.
 */
export const reconcileCommissionsWorkflow = createWorkflow(
  reconcileCommissionsWorkflowId,
  (input: { now?: Date | string; lookback_days: number }) => {
    const since = transform({ input }, ({ input }) => lookbackStart(input))
    const found = findOrdersToReconcileStep({ since })
    const marked = syncOrderPaymentsWorkflow.runAsStep({
      input: transform({ found }, ({ found }) => ({ order_ids: found.unpaid_order_ids })),
    })
    return new WorkflowResponse({
      marked_paid_line_ids: marked,
      unaccrued_order_ids: transform({ found }, ({ found }) => found.unaccrued_order_ids),
    })
  }
)

export const findCommissionGapsWorkflowId = "find-commission-gaps"

/**
 * This workflow checks the ledger of the orders attributed over the
 * look-back against Medusa: canceled orders without their reversal, refunds
 * whose share was not taken back, confirmed edits not re-priced. It returns
 * them for the caller to repair one by one, each with the workflow its event
 * would have run.
 */
export const findCommissionGapsWorkflow = createWorkflow(
  findCommissionGapsWorkflowId,
  (input: { now?: Date | string; lookback_days: number }) => {
    const since = transform({ input }, ({ input }) => lookbackStart(input))
    return new WorkflowResponse(findCommissionGapsStep({ since }))
  }
)
