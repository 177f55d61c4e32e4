import { MathBN } from "@medusajs/framework/utils"
import {
  acquireLockStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { reverseRefundedShareStep } from "../steps/reverse-refunded-share"

export const handlePaymentRefundedWorkflowId = "affiliate-handle-payment-refunded"

/**
 * This workflow follows a refunded payment to its order and writes negative
 * lines proportional to each refund: refunding a quarter of the order takes
 * back a quarter of its commission, clawed back from the next payout if the
 * commission was already paid out. Refunds made by canceling the order emit
 * no `payment.refunded`; the cancellation reverses what is left instead.
 */
export const handlePaymentRefundedWorkflow = createWorkflow(
  handlePaymentRefundedWorkflowId,
  (input: { payment_id: string }) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "payment_collection_id", "refunds.id", "refunds.amount"],
      filters: { id: input.payment_id },
    }).config({ name: "get-refunded-payment" })

    const { data: links } = useQueryGraphStep({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: {
        payment_collection_id: transform({ payments }, ({ payments }) =>
          payments.map((payment: any) => payment.payment_collection_id)
        ),
      },
    }).config({ name: "get-refunded-order" })

    const orderId = transform({ links }, ({ links }) => (links[0] as any)?.order_id as string | undefined)

    const reversed = when({ orderId }, ({ orderId }) => !!orderId).then(() => {
      const lockKey = transform({ orderId }, ({ orderId }) => `affiliate:order:${orderId}`)
      acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
      // Refunds are measured against what the customer paid: the order's
      // `total` already drops by a refund (Medusa adds a credit line).
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: ["id", "payment_collections.captured_amount"],
        filters: { id: orderId },
      }).config({ name: "get-refunded-order-payments" })
      const created = reverseRefundedShareStep(
        transform({ orders, payments }, ({ orders, payments }) => {
          const order = orders[0] as any
          return {
            order_id: order.id,
            paid_total: MathBN.sum(
              ...(order.payment_collections ?? []).map((collection: any) => collection?.captured_amount ?? 0)
            ).toNumber(),
            refunds: payments.flatMap((payment: any) => payment.refunds ?? []),
          }
        })
      )
      releaseLockStep({ key: lockKey })
      return created
    })

    return new WorkflowResponse(transform({ reversed }, ({ reversed }) => reversed ?? []))
  }
)
