import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { commissionLineFields } from "../affiliate-commissions/query-config"
import { payoutFields } from "./query-config"

/** A payout with the ledger lines it settled; 404 when it doesn't exist. */
export async function refetchPayout(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payout],
  } = await query.graph(
    {
      entity: "payout",
      fields: [...payoutFields, ...commissionLineFields.map((field) => `lines.${field}`)],
      filters: { id },
    },
    { throwIfKeyNotFound: true }
  )
  return payout
}
