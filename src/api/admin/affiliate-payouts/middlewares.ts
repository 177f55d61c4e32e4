import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { listPayoutsQueryConfig } from "./query-config"
import { AdminExportPayoutsParams, AdminGetPayoutsParams } from "./validators"

export const adminPayoutMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminGetPayoutsParams, listPayoutsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts/export",
    middlewares: [validateAndTransformQuery(AdminExportPayoutsParams, {})],
  },
]
