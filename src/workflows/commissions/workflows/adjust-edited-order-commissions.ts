import { acquireLockStep, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { adjustOrderLinesStep } from "../steps/adjust-order-lines"
import { priceEditedOrderStep } from "../steps/price-edited-order"
import { CommissionOrder, ORDER_COMMISSION_FIELDS } from "../utils/order-fields"

export const adjustEditedOrderCommissionsWorkflowId = "adjust-edited-order-commissions"

/**
 * This workflow follows a confirmed order edit (E4): it prices the edited
 * order again under the rules in force and writes, per sale line, an
 * adjustment for the difference. One adjustment per line and order version,
 * so a repeated event writes nothing more. Each line written is announced as
 * `affiliate_commission.created`.
 *
 * @example
 * await adjustEditedOrderCommissionsWorkflow(container).run({ input: { order_id } })
 */
export const adjustEditedOrderCommissionsWorkflow = createWorkflow(
  adjustEditedOrderCommissionsWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate:order:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_COMMISSION_FIELDS, "version"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, ({ orders }) => orders[0] as unknown as CommissionOrder & { version: number })
    const targets = priceEditedOrderStep({ order })
    const adjustment = transform({ order, targets }, ({ order, targets }) => ({
      order_id: order.id,
      targets,
      reference: `order_edit:v${order.version}`,
      priced_version: order.version,
    }))
    const written = adjustOrderLinesStep(adjustment)
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: written })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ written }, ({ written }) => written.map((line) => line.id)))
  }
)
