// A storefront's checkout over HTTP, step by step and timed: the same calls as
// integration-tests/helpers/checkout.ts (create cart, shipping method, payment
// session, optional referral, complete), with the auto-capture provider.

/** dev/providers/auto-capture: captured at checkout, like a card. */
export const AUTO_CAPTURE = "pp_autocapture_autocapture"

const ADDRESS = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "1 Test Street",
  city: "New York",
  postal_code: "10001",
  country_code: "us",
}

let shippingOptionId = null
let orderNumber = 0

/**
 * Places one order in the USD region and returns its id with the duration (ms)
 * of each call. With `code`, POST /store/carts/:id/referral applies it before
 * the cart is completed. Each order has its own shopper email, so each is a
 * new (guest) customer, as most referred orders are.
 *
 * @param {ReturnType<import("./http.mjs").createClient>} api
 * @param {{ regionIds: { usd: string }, variantIds: Record<string,string> }} store
 * @param {{ code?: string, quantity?: number }} [options]
 */
export async function placeOrder(api, store, { code, quantity = 1 } = {}) {
  const n = ++orderNumber
  const ms = {}
  const started = performance.now()

  const created = await api.post("/store/carts", {
    region_id: store.regionIds.usd,
    email: `bench-${process.pid}-${n}@example.com`,
    items: [
      { variant_id: store.variantIds.tshirt, quantity },
      { variant_id: store.variantIds.mug, quantity: 1 },
    ],
    shipping_address: ADDRESS,
    billing_address: ADDRESS,
  })
  ms.create_cart = created.ms
  const cartId = created.data.cart.id

  // Every cart of the demo store gets the same option; a storefront would cache it too.
  if (!shippingOptionId) {
    const { data } = await api.get(`/store/shipping-options?cart_id=${cartId}`)
    shippingOptionId = data.shipping_options[0]?.id
    if (!shippingOptionId) throw new Error(`No shipping option for cart ${cartId}`)
  }
  ms.shipping = (await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shippingOptionId })).ms

  const collection = await api.post("/store/payment-collections", { cart_id: cartId })
  const session = await api.post(
    `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
    { provider_id: AUTO_CAPTURE }
  )
  ms.payment = collection.ms + session.ms

  if (code) {
    ms.referral = (await api.post(`/store/carts/${cartId}/referral`, { code })).ms
  }

  const completed = await api.post(`/store/carts/${cartId}/complete`, {})
  if (completed.data.type !== "order") {
    throw new Error(`Cart ${cartId} was not completed: ${completed.data.error?.message}`)
  }
  ms.complete = completed.ms
  ms.flow = performance.now() - started
  return { cartId, orderId: completed.data.order.id, ms }
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight;
 * resolves with the results in order.
 */
export async function pool(count, concurrency, task) {
  const results = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      results[i] = await task(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return results
}

/**
 * Resolves when every order in `orderIds` has a sale line in the ledger,
 * i.e. the plugin's accrual has run for it; rejects after `timeoutMs`.
 */
export async function waitForSaleLines(db, orderIds, { timeoutMs = 60_000, intervalMs = 20 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const done = await countAccrued(db, orderIds)
    if (done >= orderIds.length) return
    if (Date.now() > deadline) {
      throw new Error(`Only ${done} of ${orderIds.length} orders have a commission line after ${timeoutMs / 1000}s`)
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** How many of `orderIds` have at least one sale line. */
export async function countAccrued(db, orderIds) {
  const { rows } = await db.query(
    `SELECT COUNT(DISTINCT order_id)::int AS n FROM affiliate_commission_line
      WHERE order_id = ANY($1) AND type = 'sale' AND deleted_at IS NULL`,
    [orderIds]
  )
  return rows[0].n
}
