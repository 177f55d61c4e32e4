import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateReferralCode } from "./validators"

export const adminReferralCodeMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/affiliate-codes/:id",
    middlewares: [validateAndTransformBody(AdminUpdateReferralCode)],
  },
]
