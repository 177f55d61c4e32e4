import { MathBN } from "@medusajs/framework/utils"
import { OrderPaymentCollection } from "./order-fields"

const IGNORED_COLLECTION_STATUSES = ["canceled", "failed"]

/**
 * When the customer finished paying for an order, or null while any part is
 * still uncaptured. Medusa has no `order.paid` event and emits no
 * `payment.captured` for a capture made during checkout, so this is read from
 * the order's payment collections wherever a payment may have happened.
 */
export function orderPaidAt(
  collections: OrderPaymentCollection[] | null | undefined
): Date | null {
  const live = (collections ?? []).filter(
    (collection) => collection && !IGNORED_COLLECTION_STATUSES.includes(collection.status)
  )
  if (!live.length) {
    return null
  }
  const allCaptured = live.every(
    (collection) =>
      collection.status === "completed" ||
      MathBN.gte(collection.captured_amount ?? 0, collection.amount)
  )
  if (!allCaptured) {
    return null
  }
  const captureTimes = live
    .flatMap((collection) => collection.payments ?? [])
    .map((payment) => (payment?.captured_at ? new Date(payment.captured_at).getTime() : 0))
  const latest = Math.max(0, ...captureTimes)
  return latest ? new Date(latest) : new Date()
}
