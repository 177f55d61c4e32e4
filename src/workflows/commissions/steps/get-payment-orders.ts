import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type PaymentRefund = { id: string; amount: string }

export type PaymentOrders = {
  /** The orders the payment's collection belongs to (one, in practice). */
  order_ids: string[]
  /** The payment's refunds, amounts as exact decimal strings. */
  refunds: PaymentRefund[]
}

export const getPaymentOrdersStepId = "get-affiliate-payment-orders"

/**
 * This step follows a payment to its order (payment → payment collection →
 * order), the one look-up the captured and refunded events share, and
 * returns the payment's refunds with it.
 */
export const getPaymentOrdersStep = createStep(
  getPaymentOrdersStepId,
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: payments } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection_id", "refunds.id", "refunds.amount"],
      filters: { id: payment_id },
    })
    const collectionIds = payments.map((payment) => payment.payment_collection_id).filter(Boolean)
    const { data: links } = collectionIds.length
      ? await query.graph({
          entity: "order_payment_collection",
          fields: ["order_id"],
          filters: { payment_collection_id: collectionIds },
        })
      : { data: [] as { order_id: string }[] }
    return new StepResponse<PaymentOrders>({
      order_ids: [...new Set(links.map((link: { order_id: string }) => link.order_id))],
      refunds: payments.flatMap((payment) =>
        (payment.refunds ?? []).flatMap((refund) =>
          refund ? [{ id: refund.id, amount: String(refund.amount) }] : []
        )
      ),
    })
  }
)
