import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listCommissionRulesQueryConfig } from "./query-config"
import {
  AdminCreateCommissionRule,
  AdminGetCommissionRulesParams,
  AdminUpdateCommissionRule,
} from "./validators"

export const adminCommissionRuleMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-rules",
    middlewares: [validateAndTransformQuery(AdminGetCommissionRulesParams, listCommissionRulesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-rules",
    middlewares: [validateAndTransformBody(AdminCreateCommissionRule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-rules/:id",
    middlewares: [validateAndTransformBody(AdminUpdateCommissionRule)],
  },
]
