import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const markOrdersPaidStepId = "mark-orders-paid"

/**
 * This step marks the ledger lines of paid orders as paid by the customer,
 * which starts their hold period. Lines already marked are left as they are.
 */
export const markOrdersPaidStep = createStep(
  markOrdersPaidStepId,
  async (orders: { order_id: string; paid_at: Date }[], { container }) => {
    const service = affiliateService(container)
    const marked: string[] = []
    for (const { order_id, paid_at } of orders) {
      marked.push(...(await service.markOrderPaid(order_id, new Date(paid_at))))
    }
    return new StepResponse(marked, marked)
  },
  async (marked, { container }) => {
    if (!marked?.length) {
      return
    }
    await affiliateService(container).unmarkLinesPaid(marked)
  }
)
