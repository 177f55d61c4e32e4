import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../workflows/affiliate-service"
import {
  accrueOrderCommissionsWorkflow,
  adjustEditedOrderCommissionsWorkflow,
  findCommissionGapsWorkflow,
  handlePaymentRefundedWorkflow,
  ORDER_CANCELED_REVERSAL,
  reconcileCommissionsWorkflow,
  reverseOrderCommissionsWorkflow,
} from "../workflows/commissions"

/**
 * Repairs the ledger from its invariants, over the attribution window:
 * payments captured without a `payment.captured` (e.g. at checkout, after the
 * order was accrued); orders never accrued, or whose accrual was cut short
 * (accepted and attributed, no lines); then, once every order has its lines,
 * confirmed edits not re-priced, refunds not taken back and cancellations not
 * reversed, in the order they happen to an order. Every repair is the
 * workflow the lost event would have run, and idempotent.
 */
export default async function reconcileAffiliateCommissionsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const lookbackDays = (await affiliateService(container).getProgramSettings()).attribution_window_days
  const input = { lookback_days: lookbackDays }

  // One broken order must not stop the others; it is retried next run.
  const repair = async (what: string, id: string, run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (error) {
      logger.error(`Affiliate reconciliation could not ${what} ${id}: ${(error as Error).message}`)
    }
  }

  const { result } = await reconcileCommissionsWorkflow(container).run({ input })
  for (const orderId of result.unaccrued_order_ids) {
    await repair("accrue order", orderId, () =>
      accrueOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
    )
  }

  const { result: gaps } = await findCommissionGapsWorkflow(container).run({ input })
  for (const orderId of gaps.edited_order_ids) {
    await repair("re-price edited order", orderId, () =>
      adjustEditedOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
    )
  }
  for (const paymentId of gaps.refunded_payment_ids) {
    await repair("reverse refunds of payment", paymentId, () =>
      handlePaymentRefundedWorkflow(container).run({ input: { payment_id: paymentId } })
    )
  }
  for (const orderId of gaps.canceled_order_ids) {
    await repair("reverse canceled order", orderId, () =>
      reverseOrderCommissionsWorkflow(container).run({
        input: { order_id: orderId, ...ORDER_CANCELED_REVERSAL },
      })
    )
  }
}

export const config = {
  name: "reconcile-affiliate-commissions",
  schedule: "*/30 * * * *",
}
