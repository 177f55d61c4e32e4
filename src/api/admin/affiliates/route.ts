import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createAffiliatesWorkflow } from "../../../workflows/affiliates"
import { refetchAffiliate, withMaskedPayoutDetails } from "./helpers"
import { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"
import { listWithQuery } from "../../utils/list-with-query"
import { adminActor } from "../../utils/audit-actor"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>,
  res: MedusaResponse
) => {
  const list = await listWithQuery(req, "affiliate", "affiliates")
  res.json({ ...list, affiliates: list.affiliates.map(withMaskedPayoutDetails) })
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
