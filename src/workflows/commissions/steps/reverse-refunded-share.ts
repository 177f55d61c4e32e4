import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type RefundedShareInput = {
  order_id: string
  /** What the customer paid for the order, before refunds. */
  paid_total: number
  refunds: { id: string; amount: number }[]
}

export const reverseRefundedShareStepId = "reverse-refunded-commission-share"

/**
 * This step takes back, for each refund, the same share of the order's
 * commission as the refund is of what the customer paid. One reversal per line and
 * refund, so a refund event delivered twice changes nothing.
 */
export const reverseRefundedShareStep = createStep(
  reverseRefundedShareStepId,
  async ({ order_id, paid_total, refunds }: RefundedShareInput, { container }) => {
    const service = affiliateService(container)
    const created: string[] = []
    if (MathBN.gt(paid_total, 0)) {
      for (const refund of refunds) {
        created.push(
          ...(await service.reverseOrderLines(order_id, {
            reference: `refund:${refund.id}`,
            reason: "Payment refunded",
            fraction: MathBN.min(MathBN.div(refund.amount, paid_total), 1),
          }))
        )
      }
    }
    return new StepResponse(created, created)
  },
  async (created: string[] | undefined, { container }) => {
    if (!created?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(created)
  }
)
