import {
  acquireLockStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { attributeOrderStep } from "../steps/attribute-order"
import { bindCustomerStep } from "../steps/bind-customer"
import { markOrdersPaidStep } from "../steps/mark-orders-paid"
import { recordSaleLinesStep } from "../steps/record-sale-lines"
import { CommissionOrder, ORDER_COMMISSION_FIELDS } from "../utils/order-fields"
import { orderPaidAt } from "../utils/order-paid-at"

export const accrueOrderCommissionsWorkflowId = "accrue-order-commissions"

/**
 * This workflow turns a placed order into pending commission: it credits the
 * order to its cart's affiliate (or the customer's lifetime affiliate), binds
 * the customer on a first attributed order, writes the sale lines, and, when the payment
 * was already captured at checkout, starts the line's hold period. Safe to run
 * any number of times for one order: the lock serializes concurrent runs and
 * unique indexes make repeats no-ops.
 *
 * @example
 * await accrueOrderCommissionsWorkflow(container).run({ input: { order_id } })
 */
export const accrueOrderCommissionsWorkflow = createWorkflow(
  accrueOrderCommissionsWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate:order:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_COMMISSION_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, ({ orders }) => orders[0] as unknown as CommissionOrder)

    const attribution = attributeOrderStep({ order })
    bindCustomerStep({ order, attribution })
    const lineIds = recordSaleLinesStep({ order, attribution })

    const paid = transform({ order }, ({ order }) => {
      const paidAt = orderPaidAt(order.payment_collections)
      return paidAt ? [{ order_id: order.id, paid_at: paidAt }] : []
    })
    markOrdersPaidStep(paid)

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse({ attribution, line_ids: lineIds })
  }
)
