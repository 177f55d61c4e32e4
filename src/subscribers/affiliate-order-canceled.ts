import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ORDER_CANCELED_REVERSAL, reverseOrderCommissionsWorkflow } from "../workflows/commissions"

/** Reverses the commission of a canceled order with negative ledger lines. */
export default async function affiliateOrderCanceledHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseOrderCommissionsWorkflow(container).run({
    input: { order_id: data.id, ...ORDER_CANCELED_REVERSAL },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "affiliate-order-canceled" },
}
