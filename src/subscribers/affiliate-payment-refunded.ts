import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { handlePaymentRefundedWorkflow } from "../workflows/commissions"

/**
 * Takes back commission in proportion to a refund. The event carries the
 * payment's id; every refund of that payment is checked, each one only once.
 */
export default async function affiliatePaymentRefundedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await handlePaymentRefundedWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "affiliate-payment-refunded" },
}
