import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionStatus } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

export const findOrdersToReconcileStepId = "find-orders-to-reconcile"

const BATCH = 1000

/**
 * This step finds, over the look-back from `since`, orders whose pending
 * lines are not marked paid yet, and orders that should have been accrued
 * and were not: attributed carts that became orders without their
 * `order.placed` being handled, and accepted attributed orders without a
 * sale line (an accrual cut short). It checks the ledger, not the events
 * seen, and reads every page: nothing past a first batch is skipped.
 */
export const findOrdersToReconcileStep = createStep(
  findOrdersToReconcileStepId,
  async ({ since }: { since: Date }, { container }) => {
    const service = affiliateService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const unpaidOrderIds = new Set<string>()
    for (let skip = 0; ; skip += BATCH) {
      const lines = await service.listCommissionLines(
        {
          status: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD],
          paid_by_customer_at: null,
          order_id: { $ne: null },
          created_at: { $gte: since },
        } as any,
        { select: ["order_id"], take: BATCH, skip, order: { created_at: "ASC", id: "ASC" } }
      )
      lines.forEach((line) => unpaidOrderIds.add(line.order_id as string))
      if (lines.length < BATCH) break
    }

    const unaccruedOrderIds = new Set<string>(await service.listUnaccruedOrderIds(since, { limit: BATCH }))
    for (let skip = 0; ; skip += BATCH) {
      const openCarts = await service.listAttributions(
        { order_id: null, cart_id: { $ne: null }, created_at: { $gte: since } } as any,
        { select: ["cart_id"], take: BATCH, skip, order: { created_at: "ASC", id: "ASC" } }
      )
      if (openCarts.length) {
        const { data: links } = await query.graph({
          entity: "order_cart",
          fields: ["order_id"],
          filters: { cart_id: openCarts.map((row) => row.cart_id as string) },
        })
        links.forEach((link: any) => unaccruedOrderIds.add(link.order_id as string))
      }
      if (openCarts.length < BATCH) break
    }
    return new StepResponse({
      unpaid_order_ids: [...unpaidOrderIds],
      unaccrued_order_ids: [...unaccruedOrderIds],
    })
  }
)
