import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliatesWorkflow } from "../../../workflows/affiliates"
import { refetchAffiliate } from "./helpers"
import { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: affiliates, metadata } = await query.graph({
    entity: "affiliate",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    affiliates,
    count: metadata?.count ?? affiliates.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? affiliates.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>,
  res: MedusaResponse
) => {
  const { result } = await createAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [req.validatedBody] },
  })
  const affiliate = await refetchAffiliate(req.scope, result[0].id, req.queryConfig.fields)
  res.status(201).json({ affiliate })
}
