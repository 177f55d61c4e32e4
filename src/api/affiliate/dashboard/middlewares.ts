import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetDashboardParams } from "./validators"

export const affiliateDashboardMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/dashboard", middlewares: [validateAndTransformQuery(AffiliateGetDashboardParams, {})] },
]
