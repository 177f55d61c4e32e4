import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { accrueOrderStep } from "../steps/accrue-order"
import { prepareOrderAccrualStep } from "../steps/prepare-order-accrual"
import { CommissionOrder, ORDER_COMMISSION_FIELDS } from "../utils/order-fields"

export const accrueOrderCommissionsWorkflowId = "accrue-order-commissions"

/**
 * This workflow turns a placed order into pending commission: it credits the
 * order to its cart's affiliate (or the customer's lifetime affiliate), binds
 * the customer on a first attributed order, writes the sale lines and, when
 * the payment was already captured at checkout, starts the lines' hold
 * period. The facts are gathered first; the writes happen in one module
 * transaction, so a crash leaves all of them or none, and reconciliation
 * finds an order left with none. Safe to run any number of times for one
 * order: the lock serializes concurrent runs and the module writes only what
 * is missing. Each sale line written is announced as
 * `affiliate_commission.created`; a repeat writes and announces nothing.
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
      fields: [...ORDER_COMMISSION_FIELDS, "version"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, ({ orders }) => orders[0] as unknown as CommissionOrder & { version: number })

    const plan = prepareOrderAccrualStep({ order })
    const accrual = accrueOrderStep(plan)
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_CREATED,
      data: transform({ accrual }, ({ accrual }) => accrual?.written ?? []),
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(
      transform({ accrual }, ({ accrual }) => ({
        attribution_id: accrual?.attribution_id ?? null,
        rejection_reason: accrual?.rejection_reason ?? null,
        line_ids: accrual?.line_ids ?? [],
      }))
    )
  }
)
