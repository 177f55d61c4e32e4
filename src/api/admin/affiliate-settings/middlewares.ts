import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
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
    middlewares: [validateAndTransformBody(AdminUpdateProgramSettings)],
  },
]
