import { MathBN } from "@medusajs/framework/utils"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents } from "../../../types/events"
import { getPaymentOrdersStep } from "../steps/get-payment-orders"
import { reverseRefundedShareStep } from "../steps/reverse-refunded-share"

export const handlePaymentRefundedWorkflowId = "affiliate-handle-payment-refunded"

/**
 * This workflow follows a refunded payment to its order and writes negative
 * lines proportional to each refund: refunding a quarter of the order takes
 * back a quarter of its commission, clawed back from the next payout if the
 * commission was already paid out. Refunds made by canceling the order emit
 * no `payment.refunded`; the cancellation reverses what is left instead.
 * Each line written is announced as `affiliate_commission.reversed`.
 */
export const handlePaymentRefundedWorkflow = createWorkflow(
  handlePaymentRefundedWorkflowId,
  (input: { payment_id: string }) => {
    const payment = getPaymentOrdersStep({ payment_id: input.payment_id })
    const orderId = transform({ payment }, ({ payment }) => payment.order_ids[0])

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
      const written = reverseRefundedShareStep(
        transform({ orders, payment }, ({ orders, payment }) => {
          const order = orders[0] as { id: string; payment_collections?: ({ captured_amount?: unknown } | null)[] }
          return {
            order_id: order.id,
            paid_total: MathBN.sum(
              ...(order.payment_collections ?? []).map((collection) => (collection?.captured_amount ?? 0) as number)
            ).toString(),
            refunds: payment.refunds,
          }
        })
      )
      emitEventStep({ eventName: AffiliateEvents.COMMISSION_REVERSED, data: written })
      releaseLockStep({ key: lockKey })
      return written
    })

    return new WorkflowResponse(
      transform({ reversed }, ({ reversed }) => (reversed ?? []).map((line) => line.id))
    )
  }
)
