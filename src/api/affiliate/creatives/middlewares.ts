import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetCreativesParams } from "./validators"

export const affiliateCreativeMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/creatives", middlewares: [validateAndTransformQuery(AffiliateGetCreativesParams, {})] },
]
