import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ATTRIBUTION_FIELDS, ORDER_LINE_FIELDS, requireExists } from "../../../../utils/attribution-view"

/**
 * Who referred an order (the attribution, its source and, when it earned
 * nothing, its `rejection_reason`) and the order's ledger lines, for the
 * order page's widget. An order nobody referred answers
 * `{ attribution: null, commission_lines: [] }`; an unknown order is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.id
  await requireExists(req.scope, "order", orderId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: attributions }, { data: lines }] = await Promise.all([
    query.graph({ entity: "attribution", fields: ATTRIBUTION_FIELDS, filters: { order_id: orderId } }),
    query.graph({
      entity: "commission_line",
      fields: ORDER_LINE_FIELDS,
      filters: { order_id: orderId },
      pagination: { order: { created_at: "ASC" }, take: 200, skip: 0 },
    }),
  ])
  res.json({ attribution: attributions[0] ?? null, commission_lines: lines })
}
