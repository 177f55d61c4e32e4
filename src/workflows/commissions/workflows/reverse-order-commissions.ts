import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ReverseOrderLinesInput, reverseOrderLinesStep } from "../steps/reverse-order-lines"

export const reverseOrderCommissionsWorkflowId = "reverse-order-commissions"

/** How a cancellation is reversed, by its event or by reconciliation alike. */
export const ORDER_CANCELED_REVERSAL = { reference: "order_canceled", reason: "Order canceled" } as const

/**
 * This workflow reverses all commission earned on an order, e.g. when it is
 * canceled: one negative line per earning line, or a clawback against the
 * next payout when the line was already paid out. Each line written is
 * announced as `affiliate_commission.reversed`; a repeat writes and announces nothing.
 *
 * @example
 * await reverseOrderCommissionsWorkflow(container).run({
 *   input: { order_id, reference: "order_canceled", reason: "Order canceled" },
 * })
 */
export const reverseOrderCommissionsWorkflow = createWorkflow(
  reverseOrderCommissionsWorkflowId,
  (input: ReverseOrderLinesInput) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate:order:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const written = reverseOrderLinesStep(input)
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_REVERSED, data: written })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ written }, ({ written }) => written.map((line) => line.id)))
  }
)
