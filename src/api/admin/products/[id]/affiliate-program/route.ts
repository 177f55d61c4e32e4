import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setProductAffiliateProgramWorkflow } from "../../../../../workflows/creatives"
import { adminActor } from "../../../../utils/audit-actor"
import type { AdminSetProductAffiliateProgramType } from "../../validators"
import { productAffiliateProgram } from "./helpers"

/** A product's participation in the program, for the product page's widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await productAffiliateProgram(req.scope, req.params.id))
}

/**
 * Puts a product in or out of the program (through its product rules) and
 * sets whether partners see it and its landing page.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetProductAffiliateProgramType>, res: MedusaResponse) => {
  // An unknown product is a 404 before anything is written.
  await productAffiliateProgram(req.scope, req.params.id)
  await setProductAffiliateProgramWorkflow(req.scope).run({
    input: { product_id: req.params.id, ...req.validatedBody, actor: adminActor(req) },
  })
  res.json(await productAffiliateProgram(req.scope, req.params.id))
}
