import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auditLogResponse } from "../../../affiliate-audit-log/helpers"
import type { AdminGetAuditEntriesParamsType } from "../../../affiliate-audit-log/validators"
import { refetchAffiliate } from "../../helpers"

/** One partner's trail in the audit log: every entry about it or its money, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAuditEntriesParamsType>,
  res: MedusaResponse
) => {
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  res.json(
    await auditLogResponse(req.scope, {
      ...(req.validatedQuery as AdminGetAuditEntriesParamsType),
      affiliate_id: req.params.id,
    })
  )
}
