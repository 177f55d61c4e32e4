import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderCommissionsWorkflow } from "../workflows/commissions"

/** Reverses the commission of a canceled order with negative ledger lines. */
export default async function affiliateOrderCanceledHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseOrderCommissionsWorkflow(container).run({
    input: { order_id: data.id, reference: "order_canceled", reason: "Order canceled" },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "affiliate-order-canceled" },
}
