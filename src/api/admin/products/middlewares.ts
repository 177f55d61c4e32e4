import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetProductAffiliateProgramParams, AdminSetProductAffiliateProgram } from "./validators"

export const adminProductAffiliateProgramMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/products/:id/affiliate-program",
    middlewares: [validateAndTransformQuery(AdminGetProductAffiliateProgramParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/products/:id/affiliate-program",
    middlewares: [validateAndTransformBody(AdminSetProductAffiliateProgram)],
  },
]
