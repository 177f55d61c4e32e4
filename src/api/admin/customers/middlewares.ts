import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetCustomerBindingParams } from "./validators"

export const adminCustomerBindingMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/affiliate-binding",
    middlewares: [validateAndTransformQuery(AdminGetCustomerBindingParams, {})],
  },
]
