import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AdminGetOrderAttributionParams } from "./validators"

export const adminOrderAttributionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/affiliate-attribution",
    middlewares: [validateAndTransformQuery(AdminGetOrderAttributionParams, {})],
  },
]
