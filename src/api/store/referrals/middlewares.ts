import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { StoreCreateReferralClick, StoreGetReferralCodeParams } from "./validators"

export const storeReferralMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/clicks",
    middlewares: [validateAndTransformBody(StoreCreateReferralClick)],
  },
  {
    method: ["GET"],
    matcher: "/store/referrals/codes/:code",
    middlewares: [validateAndTransformQuery(StoreGetReferralCodeParams, {})],
  },
]
