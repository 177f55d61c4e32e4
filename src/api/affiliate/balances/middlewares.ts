import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetBalancesParams } from "./validators"

export const affiliateBalanceMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/balances", middlewares: [validateAndTransformQuery(AffiliateGetBalancesParams, {})] },
]
