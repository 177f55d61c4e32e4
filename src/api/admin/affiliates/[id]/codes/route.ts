import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createReferralCodesWorkflow } from "../../../../../workflows/affiliates"
import { refetchAffiliate } from "../../helpers"
import { referralCodeFields } from "../../query-config"
import { AdminCreateReferralCodeType } from "../../validators"
import { listWithQuery } from "../../../../utils/list-with-query"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  res.json(
    await listWithQuery(req, "referral_code", "referral_codes", { affiliate_id: req.params.id })
  )
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateReferralCodeType>,
  res: MedusaResponse
) => {
  const { result } = await createReferralCodesWorkflow(req.scope).run({
    input: { codes: [{ ...req.validatedBody, affiliate_id: req.params.id }] },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [referral_code],
  } = await query.graph({
    entity: "referral_code",
    fields: referralCodeFields,
    filters: { id: result[0].id },
  })
  const { data: aliases } = await query.graph({
    entity: "referral_code",
    fields: ["id", "code"],
    filters: { alias_of_id: result[0].id },
    pagination: { order: { code: "ASC" } },
  })
  res.status(201).json({ referral_code: { ...referral_code, aliases } })
}
