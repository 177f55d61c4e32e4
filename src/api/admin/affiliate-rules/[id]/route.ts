import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  deleteCommissionRulesWorkflow,
  updateCommissionRulesWorkflow,
} from "../../../../workflows/rules"
import { adminActor } from "../../../utils/audit-actor"
import { refetchCommissionRule } from "../helpers"
import { AdminUpdateCommissionRuleType, ruleProblems } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ commission_rule: await refetchCommissionRule(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCommissionRuleType>,
  res: MedusaResponse
) => {
  const current = await refetchCommissionRule(req.scope, req.params.id)
  // The merged rule must still be a valid rule (e.g. a percent rule keeps a rate).
  const problems = ruleProblems({ ...current, ...req.validatedBody } as any)
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((problem) => problem.message).join("; "))
  }
  await updateCommissionRulesWorkflow(req.scope).run({
    input: { rules: [{ id: req.params.id, ...req.validatedBody }], actor: adminActor(req) },
  })
  res.json({ commission_rule: await refetchCommissionRule(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchCommissionRule(req.scope, req.params.id)
  await deleteCommissionRulesWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: adminActor(req) } })
  res.json({ id: req.params.id, object: "commission_rule", deleted: true })
}
