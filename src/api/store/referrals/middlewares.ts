import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import {
  StoreCreateReferralClick,
  StoreCreateReferralLead,
  StoreGetReferralCodeParams,
} from "./validators"

export const storeReferralMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/clicks",
    middlewares: [validateAndTransformBody(StoreCreateReferralClick)],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/leads",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformBody(StoreCreateReferralLead),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/referrals/codes/:code",
    middlewares: [validateAndTransformQuery(StoreGetReferralCodeParams, {})],
  },
]
