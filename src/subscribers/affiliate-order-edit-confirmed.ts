import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { adjustEditedOrderCommissionsWorkflow } from "../workflows/commissions"

/** Adjusts the commission of an edited order to what it earns now (E4). */
export default async function affiliateOrderEditConfirmedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await adjustEditedOrderCommissionsWorkflow(container).run({ input: { order_id: data.order_id } })
}

export const config: SubscriberConfig = {
  event: "order-edit.confirmed",
  context: { subscriberId: "affiliate-order-edit-confirmed" },
}
