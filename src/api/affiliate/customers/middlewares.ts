import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateGetCustomersParams } from "./validators"

export const affiliateCustomerMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/customers", middlewares: [validateAndTransformQuery(AffiliateGetCustomersParams, {})] },
]
