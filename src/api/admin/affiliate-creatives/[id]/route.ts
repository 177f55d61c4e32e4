import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { deleteCreativesWorkflow, updateCreativesWorkflow } from "../../../../workflows/creatives"
import { adminActor } from "../../../utils/audit-actor"
import { refetchCreative } from "../helpers"
import { AdminUpdateCreativeType, creativeProblems } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ creative: await refetchCreative(req.scope, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCreativeType>, res: MedusaResponse) => {
  const current = await refetchCreative(req.scope, req.params.id)
  // The merged creative must still be whole for its type (a banner keeps its image).
  const problems = creativeProblems({ ...current, ...req.validatedBody })
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((problem) => problem.message).join("; "))
  }
  await updateCreativesWorkflow(req.scope).run({
    input: { creatives: [{ id: req.params.id, ...req.validatedBody }], actor: adminActor(req) },
  })
  res.json({ creative: await refetchCreative(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchCreative(req.scope, req.params.id)
  await deleteCreativesWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: adminActor(req) } })
  res.json({ id: req.params.id, object: "affiliate_creative", deleted: true })
}
