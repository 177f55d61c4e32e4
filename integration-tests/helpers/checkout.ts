import type { HttpTypes } from "@medusajs/framework/types"

/**
 * The part of the `api` client from `medusaIntegrationTestRunner` (axios) that
 * these helpers use.
 */
export type HttpClient = {
  get<T = any>(url: string, config?: RequestConfig): Promise<{ status: number; data: T }>
  post<T = any>(url: string, body?: unknown, config?: RequestConfig): Promise<{ status: number; data: T }>
}

export type RequestConfig = { headers?: Record<string, string> }

/** Request config for the store API: every /store route needs a publishable key. */
export function storeHeaders(publishableKey: string, headers: Record<string, string> = {}): RequestConfig {
  return { headers: { "x-publishable-api-key": publishableKey, ...headers } }
}

export type CreateCartInput = {
  publishableKey: string
  regionId: string
  salesChannelId?: string
  items: { variant_id: string; quantity: number }[]
  email?: string
  /** Country of the shipping address; must belong to the region. Default "us". */
  countryCode?: string
  promoCodes?: string[]
  metadata?: Record<string, unknown>
  /** Extra request headers, e.g. a cookie. */
  headers?: Record<string, string>
}

/** POST /store/carts with a shipping address in `countryCode` and the given items. */
export async function createCart(api: HttpClient, input: CreateCartInput): Promise<HttpTypes.StoreCart> {
  const countryCode = input.countryCode ?? "us"
  const { data } = await api.post<HttpTypes.StoreCartResponse>(
    "/store/carts",
    {
      region_id: input.regionId,
      sales_channel_id: input.salesChannelId,
      email: input.email ?? "shopper@example.com",
      items: input.items,
      shipping_address: testAddress(countryCode),
      billing_address: testAddress(countryCode),
      ...(input.promoCodes ? { promo_codes: input.promoCodes } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
    storeHeaders(input.publishableKey, input.headers)
  )
  return data.cart
}

/**
 * POST /store/carts/:id/shipping-methods. Without `optionId`, takes the first
 * option the store offers for the cart.
 */
export async function addShippingMethod(
  api: HttpClient,
  publishableKey: string,
  cartId: string,
  optionId?: string
): Promise<HttpTypes.StoreCart> {
  let option = optionId
  if (!option) {
    const { data } = await api.get<HttpTypes.StoreShippingOptionListResponse>(
      `/store/shipping-options?cart_id=${cartId}`,
      storeHeaders(publishableKey)
    )
    option = data.shipping_options[0]?.id
    if (!option) {
      throw new Error(`No shipping option is available for cart ${cartId}`)
    }
  }
  const { data } = await api.post<HttpTypes.StoreCartResponse>(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: option },
    storeHeaders(publishableKey)
  )
  return data.cart
}

/**
 * Creates the cart's payment collection and a payment session with `providerId`
 * (e.g. "pp_system_default" or "pp_autocapture_autocapture").
 */
export async function initPaymentSession(
  api: HttpClient,
  publishableKey: string,
  cartId: string,
  providerId: string
): Promise<HttpTypes.StorePaymentCollection> {
  const { data: created } = await api.post<HttpTypes.StorePaymentCollectionResponse>(
    "/store/payment-collections",
    { cart_id: cartId },
    storeHeaders(publishableKey)
  )
  const { data } = await api.post<HttpTypes.StorePaymentCollectionResponse>(
    `/store/payment-collections/${created.payment_collection.id}/payment-sessions`,
    { provider_id: providerId },
    storeHeaders(publishableKey)
  )
  return data.payment_collection
}

/** POST /store/carts/:id/complete; throws with Medusa's reason when no order is placed. */
export async function completeCart(
  api: HttpClient,
  publishableKey: string,
  cartId: string
): Promise<HttpTypes.StoreOrder> {
  const { data } = await api.post<HttpTypes.StoreCompleteCartResponse>(
    `/store/carts/${cartId}/complete`,
    {},
    storeHeaders(publishableKey)
  )
  if (data.type !== "order") {
    throw new Error(`Cart ${cartId} was not completed: ${data.error?.message}`)
  }
  return data.order
}

export type PlaceOrderInput = CreateCartInput & {
  /** Payment provider id, e.g. "pp_system_default". */
  providerId: string
  /** Default: the first option offered for the cart. */
  shippingOptionId?: string
  /** Runs after the payment session is created and before the cart is completed. */
  beforeComplete?: (cart: HttpTypes.StoreCart) => Promise<void>
}

/**
 * Takes a cart through the store API to an order: create the cart, add a
 * shipping method, start a payment session, complete.
 *
 * @example
 * const { order } = await placeOrder(api, {
 *   publishableKey: store.publishableKey,
 *   regionId: store.regionIds.usd,
 *   salesChannelId: store.salesChannelId,
 *   items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
 *   providerId: "pp_system_default",
 * })
 */
export async function placeOrder(
  api: HttpClient,
  input: PlaceOrderInput
): Promise<{ cart: HttpTypes.StoreCart; order: HttpTypes.StoreOrder }> {
  const created = await createCart(api, input)
  const cart = await addShippingMethod(api, input.publishableKey, created.id, input.shippingOptionId)
  await initPaymentSession(api, input.publishableKey, cart.id, input.providerId)
  await input.beforeComplete?.(cart)
  const order = await completeCart(api, input.publishableKey, cart.id)
  return { cart, order }
}

function testAddress(countryCode: string) {
  return {
    first_name: "Test",
    last_name: "Shopper",
    address_1: "1 Test Street",
    city: countryCode === "us" ? "New York" : "Berlin",
    postal_code: countryCode === "us" ? "10001" : "10115",
    country_code: countryCode,
  }
}

/**
 * Registers a shopper account the way a storefront does (register, create the
 * customer, log in) and returns it with the bearer header for its requests.
 */
export async function registerCustomer(api: HttpClient, publishableKey: string, email: string) {
  const { data: registered } = await api.post("/auth/customer/emailpass/register", {
    email,
    password: "supersecret",
  })
  const { data } = await api.post(
    "/store/customers",
    { email },
    storeHeaders(publishableKey, { authorization: `Bearer ${registered.token}` })
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "supersecret" })
  return { customer: data.customer, authorization: `Bearer ${login.token}` }
}
