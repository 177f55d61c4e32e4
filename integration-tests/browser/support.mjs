// What every browser scenario shares: the store API, a real referred checkout,
// and waiting for the server.

export const ADMIN = { email: "admin@example.com", password: "supersecret" }

export function makeApi(baseUrl) {
  /** One JSON request; a non-2xx answer throws with the API's message. */
  return async function api(pathname, { token, key, method = "GET", body, headers = {} } = {}) {
    const res = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { "x-publishable-api-key": key } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await res.json().catch(() => ({}))
    if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(data)}`)
    return data
  }
}

export async function waitForHealth(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${baseUrl}/health did not answer within ${timeoutMs / 1000}s`)
}

/**
 * A real checkout through the store API with a referral `code` (typed at
 * checkout) or a click's `referralToken` (the `affiliate_token` a /r/ link
 * redirect hands the storefront), paid by the auto-capture provider;
 * resolves once the order's commission line exists. Returns the order id.
 */
export async function placeReferredOrder(api, token, { code, referralToken, email = `browser-${Date.now()}@example.com`, quantity = 1 } = {}) {
  const { api_keys } = await api("/admin/api-keys?type=publishable", { token })
  const key = api_keys[0].token
  const { regions } = await api("/store/regions", { key })
  const region = regions.find((r) => r.currency_code === "usd")
  const { products } = await api("/store/products?handle=medusa-t-shirt&fields=*variants", { key })
  const { cart } = await api("/store/carts", {
    key,
    method: "POST",
    body: {
      region_id: region.id,
      email,
      items: [{ variant_id: products[0].variants[0].id, quantity }],
      shipping_address: { first_name: "B", last_name: "Rowser", address_1: "1 Test St", city: "New York", postal_code: "10001", country_code: "us" },
    },
  })
  await api(`/store/carts/${cart.id}/referral`, { key, method: "POST", body: referralToken ? { token: referralToken } : { code } })
  const { shipping_options } = await api(`/store/shipping-options?cart_id=${cart.id}`, { key })
  await api(`/store/carts/${cart.id}/shipping-methods`, { key, method: "POST", body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await api("/store/payment-collections", { key, method: "POST", body: { cart_id: cart.id } })
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    key,
    method: "POST",
    body: { provider_id: "pp_autocapture_autocapture" },
  })
  const completed = await api(`/store/carts/${cart.id}/complete`, { key, method: "POST" })
  if (completed.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(completed)}`)
  // order.placed is handled after checkout; wait for its line.
  for (let i = 0; i < 40; i++) {
    const { commission_lines } = await api(`/admin/affiliate-commissions?order_id=${completed.order.id}`, { token })
    if (commission_lines.length) return completed.order.id
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("no commission line appeared for the referred order")
}
