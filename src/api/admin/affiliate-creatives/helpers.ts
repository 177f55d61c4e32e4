import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creativeFields } from "./query-config"

/** One creative; 404 when it doesn't exist. */
export async function refetchCreative(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [creative],
  } = await query.graph(
    { entity: "affiliate_creative", fields: creativeFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return creative
}
