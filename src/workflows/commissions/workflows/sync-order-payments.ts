import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { markOrdersPaidStep } from "../steps/mark-orders-paid"
import { orderPaymentFields, OrderPaymentCollection } from "../utils/order-fields"
import { orderPaidAt } from "../utils/order-paid-at"

export const syncOrderPaymentsWorkflowId = "sync-order-payments"

/**
 * This workflow reads the payments of the given orders and starts the hold
 * period of the lines of each order that is now fully paid.
 */
export const syncOrderPaymentsWorkflow = createWorkflow(
  syncOrderPaymentsWorkflowId,
  (input: { order_ids: string[] }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", ...orderPaymentFields()],
      filters: { id: input.order_ids },
    }).config({ name: "get-orders-payments" })

    const paid = transform({ orders }, ({ orders }) =>
      (orders as { id: string; payment_collections: OrderPaymentCollection[] }[]).flatMap((order) => {
        const paidAt = orderPaidAt(order.payment_collections)
        return paidAt ? [{ order_id: order.id, paid_at: paidAt }] : []
      })
    )
    const marked = markOrdersPaidStep(paid)
    return new WorkflowResponse(marked)
  }
)
