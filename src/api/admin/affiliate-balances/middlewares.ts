import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetAffiliateBalancesParams } from "./validators"

export const adminAffiliateBalanceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-balances",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateBalancesParams, {})],
  },
]
