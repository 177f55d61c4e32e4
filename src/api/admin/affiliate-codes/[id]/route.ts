import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateReferralCodesWorkflow } from "../../../../workflows/affiliates"
import { referralCodeFields } from "../../affiliates/query-config"
import { AdminUpdateReferralCodeType } from "../validators"

/** Activates, deactivates or changes a referral code's expiry and scope. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateReferralCodeType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const load = async () =>
    (
      await query.graph(
        { entity: "referral_code", fields: referralCodeFields, filters: { id: req.params.id } },
        { throwIfKeyNotFound: true }
      )
    ).data[0]
  await load()
  await updateReferralCodesWorkflow(req.scope).run({
    input: { codes: [{ id: req.params.id, ...req.validatedBody }] },
  })
  res.json({ referral_code: await load() })
}
