import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { CreatePayoutInput } from "../../../modules/affiliate/service"
import { createPayoutStep } from "../steps/create-payout"

export const createAffiliatePayoutWorkflowId = "create-affiliate-payout"

/**
 * This workflow pays an affiliate in one currency; the amount defaults to the
 * available balance. Two payouts for one affiliate never overlap: the
 * workflow takes a lock on the affiliate (Redis in production), and the
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
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(payout)
  }
)
