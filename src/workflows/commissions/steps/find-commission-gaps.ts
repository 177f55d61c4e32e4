import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderCursor } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export const findCommissionGapsStepId = "find-commission-gaps"

const BATCH = 500

export type CommissionGaps = {
  /** Orders canceled in Medusa whose commission was not taken back. */
  canceled_order_ids: string[]
  /** Payments with a refund that has no `refund:<id>` line. */
  refunded_payment_ids: string[]
  /** Orders with a confirmed edit newer than the version their lines were priced at. */
  edited_order_ids: string[]
}

/**
 * This step checks the ledger against Medusa for the orders attributed since
 * `since` whose commission is not taken back in full (the only ones a cancel,
 * refund or edit can still change), page by page: every canceled order has
 * its reversal, every refund its share taken back, and every confirmed edit
 * its re-pricing. A canceled order is only reported as canceled: the cancel
 * takes back all that is left, refunds included, as it does when its event
 * arrives.
 */
export const findCommissionGapsStep = createStep(
  findCommissionGapsStepId,
  async ({ since }: { since: Date }, { container }) => {
    const service = affiliateService(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const gaps: CommissionGaps = { canceled_order_ids: [], refunded_payment_ids: [], edited_order_ids: [] }

    let after: OrderCursor | null = null
    for (;;) {
      const page = await service.listOrdersWithOutstandingCommission(since, { after, limit: BATCH })
      if (!page.length) break
      after = page[page.length - 1]
      const orderIds = page.map((row) => row.order_id)

      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id", "status", "payment_collections.payments.id", "payment_collections.payments.refunds.id"],
        filters: { id: orderIds },
      })
      const live = orders.filter((order: any) => {
        if (order.status === "canceled") {
          gaps.canceled_order_ids.push(order.id)
          return false
        }
        return true
      })

      const refunds = live.flatMap((order: any) =>
        (order.payment_collections ?? []).flatMap((collection: any) =>
          (collection?.payments ?? []).flatMap((payment: any) =>
            (payment?.refunds ?? []).map((refund: any) => ({ refund_id: refund.id, payment_id: payment.id }))
          )
        )
      )
      if (refunds.length) {
        const handled = await service.listCommissionLines(
          { reference: refunds.map((refund) => `refund:${refund.refund_id}`) },
          { select: ["reference"] }
        )
        const done = new Set(handled.map((line) => line.reference))
        refunds
          .filter((refund) => !done.has(`refund:${refund.refund_id}`))
          .forEach((refund) => gaps.refunded_payment_ids.push(refund.payment_id))
      }

      const { data: edits } = live.length
        ? await query.graph({
            entity: "order_change",
            fields: ["order_id", "version"],
            filters: { order_id: live.map((order: any) => order.id), change_type: "edit", status: "confirmed" } as any,
          })
        : { data: [] as any[] }
      const latestEdit = new Map<string, number>()
      edits.forEach((edit: any) =>
        latestEdit.set(edit.order_id, Math.max(latestEdit.get(edit.order_id) ?? 0, edit.version))
      )
      page.forEach((row) => {
        const edited = latestEdit.get(row.order_id)
        if (edited && edited > (row.priced_version ?? 1)) {
          gaps.edited_order_ids.push(row.order_id)
        }
      })

      if (page.length < BATCH) break
    }
    gaps.refunded_payment_ids = [...new Set(gaps.refunded_payment_ids)]
    return new StepResponse(gaps)
  }
)
