import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { listPayoutsQueryConfig } from "./query-config"
import { AdminGetPayoutsParams } from "./validators"

export const adminPayoutMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminGetPayoutsParams, listPayoutsQueryConfig)],
  },
]
