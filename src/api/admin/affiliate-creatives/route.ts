import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCreativesWorkflow } from "../../../workflows/creatives"
import { adminActor } from "../../utils/audit-actor"
import { listWithQuery } from "../../utils/list-with-query"
import { refetchCreative } from "./helpers"
import { AdminCreateCreativeType, AdminGetCreativesParamsType } from "./validators"

/** The creatives, filterable by type, product, active and a search on name and link text. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCreativesParamsType>, res: MedusaResponse) => {
  res.json(await listWithQuery(req, "affiliate_creative", "creatives"))
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCreativeType>, res: MedusaResponse) => {
  const { result } = await createCreativesWorkflow(req.scope).run({
    input: { creatives: [req.validatedBody], actor: adminActor(req) },
  })
  res.status(201).json({ creative: await refetchCreative(req.scope, result[0].id) })
}
