import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { listCommissionRulesQueryConfig } from "./query-config"
import {
  AdminCreateCommissionRule,
  AdminGetCommissionRulesParams,
  AdminUpdateCommissionRule,
} from "./validators"
import { currencyKeysOf, requireStoreCurrencies } from "../../utils/store-currencies"

export const adminCommissionRuleMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-rules",
    middlewares: [validateAndTransformQuery(AdminGetCommissionRulesParams, listCommissionRulesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-rules",
    middlewares: [validateAndTransformBody(AdminCreateCommissionRule), requireStoreCurrencies(currencyKeysOf("amounts"))],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-rules/:id",
    middlewares: [validateAndTransformBody(AdminUpdateCommissionRule), requireStoreCurrencies(currencyKeysOf("amounts"))],
  },
]
