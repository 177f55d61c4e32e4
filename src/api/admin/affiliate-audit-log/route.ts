import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { auditLogResponse } from "./helpers"
import type { AdminGetAuditEntriesParamsType } from "./validators"

/**
 * The audit log (J2): who changed money and partner status, when, from what
 * to what, and why. Read-only: entries are never edited or deleted.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAuditEntriesParamsType>,
  res: MedusaResponse
) => {
  res.json(await auditLogResponse(req.scope, req.validatedQuery as AdminGetAuditEntriesParamsType))
}
