import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { syncOrderPaymentsWorkflow } from "./sync-order-payments"

export const handlePaymentCapturedWorkflowId = "affiliate-handle-payment-captured"

/**
 * This workflow follows a captured payment to its order (payment → payment
 * collection → order) and, when the order is now fully paid, starts the hold
 * period of its commission lines.
 */
export const handlePaymentCapturedWorkflow = createWorkflow(
  handlePaymentCapturedWorkflowId,
  (input: { payment_id: string }) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    }).config({ name: "get-captured-payment" })

    const collectionIds = transform({ payments }, ({ payments }) =>
      payments.map((payment: any) => payment.payment_collection_id).filter(Boolean)
    )
    const { data: links } = useQueryGraphStep({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: collectionIds },
    }).config({ name: "get-payment-orders" })

    const orderIds = transform({ links }, ({ links }) => [
      ...new Set(links.map((link: any) => link.order_id as string)),
    ])
    const marked = syncOrderPaymentsWorkflow.runAsStep({ input: { order_ids: orderIds } })
    return new WorkflowResponse(marked)
  }
)
