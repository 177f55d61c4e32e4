import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents, type AffiliateEventData } from "../types/events"
import { sendCommissionEmailsWorkflow } from "../workflows/emails"

/** Emails a partner about a new commission line (sales and leads that earn). */
export default async function affiliateCommissionEmailHandler({ event, container }: SubscriberArgs<AffiliateEventData>) {
  await sendCommissionEmailsWorkflow(container).run({ input: { line_ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.COMMISSION_CREATED,
  context: { subscriberId: "affiliate-commission-email" },
}
