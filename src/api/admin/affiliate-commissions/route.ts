import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The commission ledger, filtered by affiliate, order, status, type or date. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: commission_lines, metadata } = await query.graph({
    entity: "commission_line",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    commission_lines,
    count: metadata?.count ?? commission_lines.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? commission_lines.length,
  })
}
