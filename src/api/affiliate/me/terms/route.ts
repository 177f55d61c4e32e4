import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptPartnerTermsWorkflow } from "../../../../workflows/accounts"
import { AcceptOwnTermsType } from "../../validators"
import { ownProfile } from "../profile"

/** Accepts the terms in force: `version` must be the current one (400 `terms_version: …` otherwise). */
export const POST = async (req: AuthenticatedMedusaRequest<AcceptOwnTermsType>, res: MedusaResponse) => {
  const id = req.auth_context.actor_id
  await acceptPartnerTermsWorkflow(req.scope).run({
    input: { affiliate_id: id, version: req.validatedBody.version, now: new Date() },
  })
  res.json({ affiliate: await ownProfile(req.scope, id) })
}
