import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Reads one affiliate with the requested fields; 404 when it doesn't exist. */
export async function refetchAffiliate(container: MedusaContainer, id: string, fields: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [affiliate],
  } = await query.graph(
    { entity: "affiliate", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return affiliate
}
