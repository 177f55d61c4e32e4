import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { currencyKeysOf, requireStoreCurrencies } from "../../utils/store-currencies"
import { AdminGetProgramSettingsParams, AdminUpdateProgramSettings } from "./validators"

export const adminProgramSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/affiliate-settings",
    middlewares: [validateAndTransformQuery(AdminGetProgramSettingsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-settings",
    middlewares: [validateAndTransformBody(AdminUpdateProgramSettings), requireStoreCurrencies(currencyKeysOf("minimum_payout"))],
  },
]
