import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MoneySort } from "../../../modules/affiliate/partners/partner-list"
import { createAffiliatesWorkflow } from "../../../workflows/affiliates"
import { affiliateService } from "../../../workflows/affiliate-service"
import { refetchAffiliate, withMaskedPayoutDetails } from "./helpers"
import { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"
import { listWithQuery } from "../../utils/list-with-query"
import { adminActor } from "../../utils/audit-actor"

/**
 * Partners (G1), filtered and paged. Sorted by a Medusa field through Query,
 * or by `revenue`, `earnings` or `balance_due` in one currency through the
 * module's read models; with `currency_code`, each carries its `totals`.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>,
  res: MedusaResponse
) => {
  const { money_order, currency_code, ...filters } = req.filterableFields as Record<string, any>
  const service = affiliateService(req.scope)
  let list: { affiliates: any[]; count: number; offset: number; limit: number }
  if (money_order) {
    const { skip = 0, take = 20 } = req.queryConfig.pagination ?? {}
    const { ids, count } = await service.rankAffiliates({
      filters,
      sort: money_order.replace(/^-/, "") as MoneySort,
      descending: money_order.startsWith("-"),
      currency_code,
      limit: take,
      offset: skip,
    })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = ids.length
      ? await query.graph({ entity: "affiliate", fields: [...new Set(["id", ...req.queryConfig.fields])], filters: { id: ids } })
      : { data: [] as any[] }
    const byId = new Map<string, any>(data.map((row: any) => [row.id as string, row] as const))
    list = { affiliates: ids.map((id) => byId.get(id)).filter(Boolean), count, offset: skip, limit: take }
  } else {
    list = await listWithQuery(req, "affiliate", "affiliates", filters)
  }
  let affiliates = list.affiliates.map(withMaskedPayoutDetails)
  if (currency_code) {
    const totals = await service.affiliateMoneyTotals(
      affiliates.map((affiliate) => affiliate.id),
      currency_code
    )
    affiliates = affiliates.map((affiliate) => ({ ...affiliate, totals: totals.get(affiliate.id) ?? null }))
  }
  res.json({ ...list, affiliates })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>,
  res: MedusaResponse
) => {
  const { result } = await createAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [req.validatedBody], actor: adminActor(req) },
  })
  const affiliate = await refetchAffiliate(req.scope, result[0].id, req.queryConfig.fields)
  res.status(201).json({ affiliate })
}
