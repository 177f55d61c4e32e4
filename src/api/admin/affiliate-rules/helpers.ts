import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { commissionRuleFields } from "./query-config"

/** One commission rule; 404 when it doesn't exist. */
export async function refetchCommissionRule(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rule],
  } = await query.graph(
    { entity: "commission_rule", fields: commissionRuleFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return rule
}
