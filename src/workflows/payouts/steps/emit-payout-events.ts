import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { PayoutEvents } from "../../../modules/affiliate/payouts"
import { AffiliateEvents } from "../../../types/events"

/**
 * Emits `affiliate_payout.created`, `.paid` and `.failed` for what a workflow
 * changed (ids only), released once the workflow succeeded. Each change is
 * reported once: the module returns only the payouts it really moved.
 */
export function emitPayoutEvents(events: WorkflowData<PayoutEvents>) {
  const [created, paid, failed] = [
    transform({ events }, ({ events }) => events.created),
    transform({ events }, ({ events }) => events.paid),
    transform({ events }, ({ events }) => events.failed),
  ]
  emitEventStep({ eventName: AffiliateEvents.PAYOUT_CREATED, data: created }).config({ name: "emit-payout-created" })
  emitEventStep({ eventName: AffiliateEvents.PAYOUT_PAID, data: paid }).config({ name: "emit-payout-paid" })
  emitEventStep({ eventName: AffiliateEvents.PAYOUT_FAILED, data: failed }).config({ name: "emit-payout-failed" })
}
