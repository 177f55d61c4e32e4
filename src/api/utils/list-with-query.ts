import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A paginated list of one entity through Query, with the fields, filters and
 * pagination that `validateAndTransformQuery` put on the request. Returns
 * `{ [key]: rows, count, offset, limit }`, Medusa's list shape.
 */
export async function listWithQuery<K extends string>(
  req: AuthenticatedMedusaRequest,
  entity: string,
  key: K,
  filters: Record<string, unknown> = req.filterableFields
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity,
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  return {
    [key]: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  } as { [P in K]: any[] } & { count: number; offset: number; limit: number }
}
