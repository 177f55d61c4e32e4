import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetDestinationsParams } from "./validators"

export const affiliateDestinationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/affiliate/destinations",
    middlewares: [validateAndTransformQuery(AffiliateGetDestinationsParams, {})],
  },
]
