import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createCommissionRulesWorkflow } from "../../../workflows/rules"
import { adminActor } from "../../utils/audit-actor"
import { listWithQuery } from "../../utils/list-with-query"
import { refetchCommissionRule } from "./helpers"
import { AdminCreateCommissionRuleType } from "./validators"

/** The program's commission rules, filterable by scope, affiliate, product and level. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await listWithQuery(req, "commission_rule", "commission_rules"))
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType>,
  res: MedusaResponse
) => {
  const { result } = await createCommissionRulesWorkflow(req.scope).run({
    input: { rules: [req.validatedBody], actor: adminActor(req) },
  })
  res.status(201).json({ commission_rule: await refetchCommissionRule(req.scope, result[0].id) })
}
