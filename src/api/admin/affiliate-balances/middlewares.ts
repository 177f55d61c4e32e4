import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetAffiliateBalancesParams } from "./validators"

export const adminAffiliateBalanceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-balances",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateBalancesParams, {})],
  },
]
