import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { accrueOrderCommissionsWorkflow } from "../workflows/commissions"

/**
 * Accrues commission for a placed order. This runs after checkout, so the
 * shopper never waits on it; the reconciliation job catches a lost event.
 */
export default async function affiliateOrderPlacedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await accrueOrderCommissionsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "affiliate-order-placed" },
}
