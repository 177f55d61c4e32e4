import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const CACHE_MS = 60_000
let cached: { id: string | null; until: number } | null = null

/**
 * The sales channel a redirect's click belongs to: the `store_sales_channel_id`
 * option, else the store's default sales channel (read at most once a minute:
 * this is the redirect's hot path). A redirect carries no publishable key to
 * tell the channel by.
 */
export async function storeSalesChannelId(container: MedusaContainer, configured: string | null): Promise<string | null> {
  if (configured) {
    return configured
  }
  if (cached && cached.until > Date.now()) {
    return cached.id
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [store] } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
  cached = { id: store?.default_sales_channel_id ?? null, until: Date.now() + CACHE_MS }
  return cached.id
}
