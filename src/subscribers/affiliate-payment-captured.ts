import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { handlePaymentCapturedWorkflow } from "../workflows/commissions"

/**
 * Starts the hold period of an order's lines when a later capture (e.g. by an
 * admin) completes its payment. The event carries the payment's id, not the
 * order's.
 */
export default async function affiliatePaymentCapturedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await handlePaymentCapturedWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "affiliate-payment-captured" },
}
