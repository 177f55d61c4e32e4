import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { listCreativesQueryConfig } from "./query-config"
import { AdminCreateCreative, AdminGetCreativesParams, AdminUpdateCreative } from "./validators"

export const adminCreativeMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-creatives",
    middlewares: [validateAndTransformQuery(AdminGetCreativesParams, listCreativesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-creatives",
    middlewares: [validateAndTransformBody(AdminCreateCreative)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-creatives/:id",
    middlewares: [validateAndTransformBody(AdminUpdateCreative)],
  },
]
