import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { findOrdersToReconcileStep } from "../steps/find-orders-to-reconcile"
import { findUnreversedRefundsStep } from "../steps/find-unreversed-refunds"
import { syncOrderPaymentsWorkflow } from "./sync-order-payments"

export const reconcileCommissionsWorkflowId = "reconcile-commissions"

/**
 * This workflow catches up on what no event announced: it starts the hold of
 * lines whose order was paid without a `payment.captured` (or whose event was
 * lost), and returns the attributed orders that were never accrued and the
 * payments with refunds no line reflects yet, for the caller to handle one
 * by one.
 */
export const reconcileCommissionsWorkflow = createWorkflow(
  reconcileCommissionsWorkflowId,
  (input: { now?: Date | string; lookback_days: number }) => {
    const since = transform({ input }, ({ input }) => {
      const now = input.now ? new Date(input.now) : new Date()
      return new Date(now.getTime() - input.lookback_days * 86_400_000)
    })
    const found = findOrdersToReconcileStep({ since })
    const marked = syncOrderPaymentsWorkflow.runAsStep({
      input: transform({ found }, ({ found }) => ({ order_ids: found.unpaid_order_ids })),
    })
    const refundedPaymentIds = findUnreversedRefundsStep({ since })
    return new WorkflowResponse({
      marked_paid_line_ids: marked,
      unaccrued_order_ids: transform({ found }, ({ found }) => found.unaccrued_order_ids),
      unreversed_refund_payment_ids: refundedPaymentIds,
    })
  }
)
