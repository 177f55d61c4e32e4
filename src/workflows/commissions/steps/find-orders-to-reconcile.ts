import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

export const findOrdersToReconcileStepId = "find-orders-to-reconcile"

const BATCH = 1000

/**
 * This step finds what events may have missed since `since`: orders whose
 * pending lines are not marked paid yet, and attributed carts that became
 * orders without their `order.placed` being handled.
 */
export const findOrdersToReconcileStep = createStep(
  findOrdersToReconcileStepId,
  async ({ since }: { since: Date }, { container }) => {
    const service = affiliateService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const unpaidLines = await service.listCommissionLines(
      {
        status: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD],
        paid_by_customer_at: null,
        order_id: { $ne: null },
        created_at: { $gte: since },
      } as any,
      { select: ["order_id"], take: BATCH, order: { created_at: "ASC" } }
    )
    const unpaidOrderIds = [...new Set(unpaidLines.map((line) => line.order_id as string))]

    const openCarts = await service.listAttributions(
      { order_id: null, cart_id: { $ne: null }, created_at: { $gte: since } } as any,
      { select: ["cart_id"], take: BATCH, order: { created_at: "ASC" } }
    )
    let unaccruedOrderIds: string[] = []
    if (openCarts.length) {
      const { data: links } = await query.graph({
        entity: "order_cart",
        fields: ["order_id"],
        filters: { cart_id: openCarts.map((row) => row.cart_id as string) },
      })
      unaccruedOrderIds = [...new Set(links.map((link: any) => link.order_id as string))]
    }
    return new StepResponse({ unpaid_order_ids: unpaidOrderIds, unaccrued_order_ids: unaccruedOrderIds })
  }
)
