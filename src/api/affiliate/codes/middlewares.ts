import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetCodesParams } from "./validators"

export const affiliateCodeMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/codes", middlewares: [validateAndTransformQuery(AffiliateGetCodesParams, {})] },
]
