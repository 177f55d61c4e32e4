import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetReportParams, AdminGetReportSummaryParams } from "./validators"

export const adminReportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports",
    middlewares: [validateAndTransformQuery(AdminGetReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports/summary",
    middlewares: [validateAndTransformQuery(AdminGetReportSummaryParams, {})],
  },
]
