import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetAffiliateAuditEntriesParams, AdminGetAuditEntriesParams } from "./validators"

// Read-only routes: the log has no route that edits or deletes an entry.
export const adminAuditLogMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-audit-log",
    middlewares: [validateAndTransformQuery(AdminGetAuditEntriesParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/audit-log",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateAuditEntriesParams, {})],
  },
]
