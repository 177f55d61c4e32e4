import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"
import {
  accrueOrderCommissionsWorkflow,
  handlePaymentRefundedWorkflow,
  reconcileCommissionsWorkflow,
} from "../workflows/commissions"

/**
 * Repairs what events missed: payments captured without a `payment.captured`
 * (e.g. at checkout, after the order was accrued), orders whose
 * `order.placed` was lost, and refunds whose `payment.refunded` was. Looks
 * back over the attribution window.
 */
export default async function reconcileAffiliateCommissionsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const lookbackDays = (await affiliateService(container).getProgramSettings()).attribution_window_days
  const { result } = await reconcileCommissionsWorkflow(container).run({
    input: { lookback_days: lookbackDays },
  })
  for (const orderId of result.unaccrued_order_ids) {
    try {
      await accrueOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
    } catch (error) {
      // One broken order must not stop the others; it is retried next run.
      logger.error(`Affiliate reconciliation could not accrue order ${orderId}: ${(error as Error).message}`)
    }
  }
  for (const paymentId of result.unreversed_refund_payment_ids) {
    try {
      await handlePaymentRefundedWorkflow(container).run({ input: { payment_id: paymentId } })
    } catch (error) {
      logger.error(`Affiliate reconciliation could not reverse refunds of payment ${paymentId}: ${(error as Error).message}`)
    }
  }
}

export const config = {
  name: "reconcile-affiliate-commissions",
  schedule: "*/30 * * * *",
}
