import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateExportCommissionsParams, AffiliateGetCommissionsParams } from "./validators"

export const affiliateCommissionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/affiliate/commissions",
    middlewares: [validateAndTransformQuery(AffiliateGetCommissionsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/commissions/export",
    middlewares: [validateAndTransformQuery(AffiliateExportCommissionsParams, {})],
  },
]
