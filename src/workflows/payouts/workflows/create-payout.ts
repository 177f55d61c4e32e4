import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutInput } from "../../../modules/affiliate/payouts"
import { createPayoutStep } from "../steps/create-payout"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { eventsOf } from "../steps/events-of"
import { sendPayoutStep } from "../steps/send-payout"

export const createAffiliatePayoutWorkflowId = "create-affiliate-payout"

/**
 * This workflow pays an affiliate in one currency through a payout provider
 * (`manual` by default: paid at once); the amount defaults to the available
 * balance, which must be due. Two payouts for one affiliate never overlap:
 * the workflow takes a lock on the affiliate (Redis in production), and the
 * module locks the affiliate's row in PostgreSQL while it settles lines.
 *
 * @example
 * const { result: payout } = await createAffiliatePayoutWorkflow(container).run({
 *   input: { affiliate_id, currency_code: "usd", method: "bank_transfer", external_reference: "TX-1" },
 * })
 */
export const createAffiliatePayoutWorkflow = createWorkflow(
  createAffiliatePayoutWorkflowId,
  (input: CreatePayoutInput) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate:payout:${input.affiliate_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const payout = createPayoutStep(input)
    const actor = transform({ input }, ({ input }) => ({
      actor_type: "user" as const,
      actor_id: input.created_by ?? "unknown",
      ...input.actor,
    }))
    const sent = sendPayoutStep({ id: payout.id, actor })
    releaseLockStep({ key: lockKey })
    emitPayoutEvents(transform({ sent }, ({ sent }) => eventsOf([sent], [sent])))
    return new WorkflowResponse(payout)
  }
)
