import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionType } from "../../../modules/affiliate/types"
import { affiliateService } from "../../affiliate-service"

export const findUnreversedRefundsStepId = "find-unreversed-refunds"

const BATCH = 1000

/**
 * This step finds refunds that no `payment.refunded` was handled for: refunds
 * of orders with sale lines written since `since` that have no `refund:<id>`
 * line yet. It returns their payments, for the refund workflow to take back
 * the refunded share exactly as the event would have.
 */
export const findUnreversedRefundsStep = createStep(
  findUnreversedRefundsStepId,
  async ({ since }: { since: Date }, { container }) => {
    const service = affiliateService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const lines = await service.listCommissionLines(
      { type: CommissionType.SALE, order_id: { $ne: null }, created_at: { $gte: since } } as any,
      { select: ["order_id"], take: BATCH, order: { created_at: "DESC" } }
    )
    const orderIds = [...new Set(lines.map((line) => line.order_id as string))]
    if (!orderIds.length) {
      return new StepResponse([] as string[])
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.refunds.id"],
      filters: { id: orderIds },
    })
    const refunds = orders.flatMap((order: any) =>
      (order.payment_collections ?? []).flatMap((collection: any) =>
        (collection?.payments ?? []).flatMap((payment: any) =>
          (payment?.refunds ?? []).map((refund: any) => ({ refund_id: refund.id, payment_id: payment.id }))
        )
      )
    )
    if (!refunds.length) {
      return new StepResponse([] as string[])
    }
    const handled = await service.listCommissionLines(
      { reference: refunds.map((refund) => `refund:${refund.refund_id}`) },
      { select: ["reference"] }
    )
    const done = new Set(handled.map((line) => line.reference))
    const paymentIds = refunds.filter((refund) => !done.has(`refund:${refund.refund_id}`)).map((r) => r.payment_id)
    return new StepResponse([...new Set(paymentIds)])
  }
)
