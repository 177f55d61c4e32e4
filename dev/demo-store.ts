import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/** Payment providers every demo region offers. */
export const DEMO_PAYMENT_PROVIDERS = {
  /** Medusa's built-in provider: authorizes, captures only when an admin does. */
  system: "pp_system_default",
  /** dev/providers/auto-capture: captured at checkout, like a card. */
  autoCapture: "pp_autocapture_autocapture",
}

export const DEMO_REGION_NAMES = { usd: "United States", eur: "Europe" } as const

export type DemoProductInput = {
  title: string
  handle: string
  /** One option (e.g. "Size") whose values name the variants. */
  option: string
  /** Prices are in major units (10 = $10.00), as everywhere in Medusa v2. */
  variants: { value: string; sku: string; prices: { usd: number; eur: number } }[]
}

export type CreateDemoStoreOptions = {
  /** Replaces the default catalogue. */
  products?: DemoProductInput[]
}

export type DemoProduct = {
  id: string
  title: string
  handle: string
  /** In the order of the input's variants. */
  variantIds: string[]
}

export type DemoStore = {
  salesChannelId: string
  /** The token to send as `x-publishable-api-key`. */
  publishableKey: string
  regionIds: { usd: string; eur: string }
  /** Both point at the one "Standard shipping" option, which has a usd and a eur price. */
  shippingOptionIds: { usd: string; eur: string }
  products: DemoProduct[]
  stockLocationId: string
  shippingProfileId: string
}

export const DEFAULT_DEMO_PRODUCTS: DemoProductInput[] = [
  {
    title: "Medusa T-Shirt",
    handle: "medusa-t-shirt",
    option: "Size",
    variants: [
      { value: "S", sku: "DEMO-TSHIRT-S", prices: { usd: 20, eur: 18 } },
      { value: "M", sku: "DEMO-TSHIRT-M", prices: { usd: 20, eur: 18 } },
    ],
  },
  {
    title: "Medusa Sweatshirt",
    handle: "medusa-sweatshirt",
    option: "Size",
    variants: [
      { value: "M", sku: "DEMO-SWEAT-M", prices: { usd: 40, eur: 36 } },
      { value: "L", sku: "DEMO-SWEAT-L", prices: { usd: 40, eur: 36 } },
    ],
  },
  {
    title: "Medusa Mug",
    handle: "medusa-mug",
    option: "Color",
    variants: [{ value: "White", sku: "DEMO-MUG-WHITE", prices: { usd: 12, eur: 11 } }],
  },
]

/**
 * Creates a small store with Medusa's core workflows: usd/eur currencies, a sales
 * channel with a publishable key, regions "United States" (usd) and "Europe" (eur),
 * a stock location with manual fulfillment and a flat "Standard shipping" option,
 * and a few published products that need no stock. Meant for an empty database
 * (a fresh test database or a new dev database); it does not check for an
 * existing demo store, see {@link findDemoStore}.
 */
export async function createDemoStore(
  container: MedusaContainer,
  options: CreateDemoStoreOptions = {}
): Promise<DemoStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeModule = container.resolve(Modules.STORE)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const salesChannelId = await ensureSalesChannel(container)

  const [store] = await storeModule.listStores({}, { take: 1 })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur" },
        ],
        default_sales_channel_id: salesChannelId,
      },
    },
  })

  const publishableKey = await ensurePublishableKey(container, salesChannelId)

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: DEMO_REGION_NAMES.usd,
          currency_code: "usd",
          countries: ["us"],
          payment_providers: Object.values(DEMO_PAYMENT_PROVIDERS),
        },
        {
          name: DEMO_REGION_NAMES.eur,
          currency_code: "eur",
          countries: ["de", "fr"],
          payment_providers: Object.values(DEMO_PAYMENT_PROVIDERS),
        },
      ],
    },
  })
  const usdRegion = regions.find((r) => r.currency_code === "usd")!
  const eurRegion = regions.find((r) => r.currency_code === "eur")!

  // Tax regions without rates: totals carry a (zero) tax line, as in a real store.
  await createTaxRegionsWorkflow(container).run({
    input: ["us", "de", "fr"].map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        { name: "Demo Warehouse", address: { address_1: "1 Demo Street", city: "Berlin", country_code: "de" } },
      ],
    },
  })
  const stockLocationId = locations[0].id

  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const shippingProfileId = await ensureDefaultShippingProfile(container)

  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: "Demo Warehouse shipping",
    type: "shipping",
    service_zones: [
      {
        name: "US and Europe",
        geo_zones: ["us", "de", "fr"].map((country_code) => ({ type: "country" as const, country_code })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const { result: shippingOptions } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfileId,
        type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: "usd", amount: 10 },
          { currency_code: "eur", amount: 10 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  const shippingOptionId = shippingOptions[0].id

  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocationId, add: [salesChannelId] },
  })

  const catalogue = options.products ?? DEFAULT_DEMO_PRODUCTS
  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: catalogue.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfileId,
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: p.option, values: p.variants.map((v) => v.value) }],
        variants: p.variants.map((v) => ({
          title: `${p.title} ${v.value}`,
          sku: v.sku,
          options: { [p.option]: v.value },
          // No stock to manage: any quantity can be ordered.
          manage_inventory: false,
          prices: [
            { currency_code: "usd", amount: v.prices.usd },
            { currency_code: "eur", amount: v.prices.eur },
          ],
        })),
      })),
    },
  })

  const products = catalogue.map((input) => {
    const product = created.find((p) => p.handle === input.handle)!
    return {
      id: product.id,
      title: product.title,
      handle: product.handle,
      variantIds: input.variants.map((v) => product.variants.find((pv) => pv.sku === v.sku)!.id),
    }
  })

  return {
    salesChannelId,
    publishableKey,
    regionIds: { usd: usdRegion.id, eur: eurRegion.id },
    shippingOptionIds: { usd: shippingOptionId, eur: shippingOptionId },
    products,
    stockLocationId,
    shippingProfileId,
  }
}

/**
 * Reads back a demo store made by {@link createDemoStore}, or returns null when
 * there is none (no region named "United States").
 */
export async function findDemoStore(container: MedusaContainer): Promise<DemoStore | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name", "currency_code"],
    filters: { name: Object.values(DEMO_REGION_NAMES) },
  })
  const usd = regions.find((r) => r.name === DEMO_REGION_NAMES.usd)
  if (!usd) {
    return null
  }
  const eur = regions.find((r) => r.name === DEMO_REGION_NAMES.eur)

  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "default_sales_channel_id"],
  })
  const salesChannelId = stores[0]?.default_sales_channel_id ?? ""

  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id"],
    filters: { name: "Demo Warehouse" },
  })
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "shipping_profile_id"],
    filters: { name: "Standard shipping" },
  })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "variants.id", "variants.sku"],
    filters: { handle: DEFAULT_DEMO_PRODUCTS.map((p) => p.handle) },
  })

  return {
    salesChannelId,
    publishableKey: (await findPublishableKey(container, salesChannelId)) ?? "",
    regionIds: { usd: usd.id, eur: eur?.id ?? "" },
    shippingOptionIds: { usd: options[0]?.id ?? "", eur: options[0]?.id ?? "" },
    products: products.map((p) => ({
      id: p.id,
      title: p.title,
      handle: p.handle,
      variantIds: (p.variants ?? []).map((v) => v!.id),
    })),
    stockLocationId: locations[0]?.id ?? "",
    shippingProfileId: options[0]?.shipping_profile_id ?? "",
  }
}

// Medusa creates a "Default Sales Channel" on boot; use it so the admin's
// defaults and the demo agree.
async function ensureSalesChannel(container: MedusaContainer): Promise<string> {
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannelModule.listSalesChannels({ name: "Default Sales Channel" })
  if (existing) {
    return existing.id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Default Sales Channel" }] },
  })
  return result[0].id
}

// Medusa also creates a publishable key for the default channel on boot.
async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string) {
  const existing = await findPublishableKey(container, salesChannelId)
  if (existing) {
    return existing
  }
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: result[0].id, add: [salesChannelId] },
  })
  return result[0].token
}

async function findPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  const key = keys.find(
    (k) => !k.revoked_at && (k.sales_channels ?? []).some((sc) => sc?.id === salesChannelId)
  )
  return key?.token ?? null
}

async function ensureDefaultShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (existing) {
    return existing.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}
