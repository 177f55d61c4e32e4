import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { listPayoutsQueryConfig } from "./query-config"
import { AdminGetPayoutsParams } from "./validators"

export const adminPayoutMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminGetPayoutsParams, listPayoutsQueryConfig)],
  },
]
