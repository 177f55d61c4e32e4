import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAffiliatesWorkflow } from "../../../workflows/affiliates"
import { UpdateOwnProfileType } from "../validators"
import { ownProfile } from "./profile"

/** The signed-in partner's own profile and codes. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate: await ownProfile(req.scope, req.auth_context.actor_id) })
}

/** Changes the partner's own profile (not the email, status or anything money-related); audited with the partner as actor. */
export const POST = async (req: AuthenticatedMedusaRequest<UpdateOwnProfileType>, res: MedusaResponse) => {
  const id = req.auth_context.actor_id
  if (Object.keys(req.validatedBody).length) {
    await updateAffiliatesWorkflow(req.scope).run({
      input: { affiliates: [{ id, ...req.validatedBody }], actor: { actor_type: "affiliate", actor_id: id } },
    })
  }
  res.json({ affiliate: await ownProfile(req.scope, id) })
}
