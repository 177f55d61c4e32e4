import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { listCommissionLinesQueryConfig } from "./query-config"
import { AdminGetCommissionLinesParams } from "./validators"

export const adminCommissionLineMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions",
    middlewares: [
      validateAndTransformQuery(AdminGetCommissionLinesParams, listCommissionLinesQueryConfig),
    ],
  },
]
