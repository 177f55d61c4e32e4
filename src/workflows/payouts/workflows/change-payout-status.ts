import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutStatusChange } from "../../../modules/affiliate/payouts"
import { changePayoutStatusStep } from "../steps/change-payout-status"
import { emitPayoutEvents } from "../steps/emit-payout-events"
import { eventsOf } from "../steps/events-of"

export const changeAffiliatePayoutStatusWorkflowId = "change-affiliate-payout-status"

/**
 * This workflow marks a payout paid, failed or canceled by hand (an admin
 * recording what the bank said). A failed or canceled payout gives its amount
 * back to the balance with ledger lines. Emits `.paid` / `.failed` once.
 *
 * @example
 * await changeAffiliatePayoutStatusWorkflow(container).run({
 *   input: { id, change: { to: PayoutStatus.FAILED, reason: "IBAN closed", actor } },
 * })
 */
export const changeAffiliatePayoutStatusWorkflow = createWorkflow(
  changeAffiliatePayoutStatusWorkflowId,
  (input: { id: string; change: PayoutStatusChange }) => {
    const moved = changePayoutStatusStep(input)
    emitPayoutEvents(transform({ moved }, ({ moved }) => eventsOf([moved])))
    return new WorkflowResponse(moved)
  }
)
