import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getPaymentOrdersStep } from "../steps/get-payment-orders"
import { syncOrderPaymentsWorkflow } from "./sync-order-payments"

export const handlePaymentCapturedWorkflowId = "affiliate-handle-payment-captured"

/**
 * This workflow follows a captured payment to its order and, when the order
 * is now fully paid, starts the hold period of its commission lines.
 */
export const handlePaymentCapturedWorkflow = createWorkflow(
  handlePaymentCapturedWorkflowId,
  (input: { payment_id: string }) => {
    const payment = getPaymentOrdersStep({ payment_id: input.payment_id })
    const marked = syncOrderPaymentsWorkflow.runAsStep({
      input: transform({ payment }, ({ payment }) => ({ order_ids: payment.order_ids })),
    })
    return new WorkflowResponse(marked)
  }
)
