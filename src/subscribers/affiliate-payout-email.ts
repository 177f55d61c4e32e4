import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents, type AffiliateEventData } from "../types/events"
import { sendPayoutEmailWorkflow } from "../workflows/emails"

/** Emails a partner that a payout was paid. */
export default async function affiliatePayoutEmailHandler({ event, container }: SubscriberArgs<AffiliateEventData>) {
  await sendPayoutEmailWorkflow(container).run({ input: { payout_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.PAYOUT_PAID,
  context: { subscriberId: "affiliate-payout-email" },
}
