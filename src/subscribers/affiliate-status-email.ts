import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents, type AffiliateEventData } from "../types/events"
import { sendPartnerStatusEmailWorkflow } from "../workflows/emails"

/** Emails a partner the decision on their application: approved (with their code) or rejected. */
export default async function affiliateStatusEmailHandler({ event, container }: SubscriberArgs<AffiliateEventData>) {
  await sendPartnerStatusEmailWorkflow(container).run({
    input: { affiliate_id: event.data.id, status: event.name === AffiliateEvents.AFFILIATE_REJECTED ? "rejected" : "approved" },
  })
}

export const config: SubscriberConfig = {
  event: [AffiliateEvents.AFFILIATE_APPROVED, AffiliateEvents.AFFILIATE_REJECTED],
  context: { subscriberId: "affiliate-status-email" },
}
