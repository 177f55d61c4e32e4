import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../utils/validate-query"
import { CreateReferralLink, UpdateReferralLink } from "../admin/affiliate-links/validators"
import {
  AffiliateGetParams,
  AffiliateGetReportParams,
  AffiliateGetReportSummaryParams,
  RegisterAffiliate,
  SetOwnPayoutDetails,
} from "./validators"

// Partner routes: a login of actor type `affiliate`; every route reads the
// affiliate from the session, never from the request.
const partner = authenticate("affiliate", ["session", "bearer"])

export const affiliatePortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/affiliate/register",
    middlewares: [
      authenticate("affiliate", ["session", "bearer"], { allowUnregistered: true }),
      validateAndTransformBody(RegisterAffiliate),
    ],
  },
  { method: ["GET"], matcher: "/affiliate/me", middlewares: [partner, validateAndTransformQuery(AffiliateGetParams, {})] },
  {
    method: ["GET"],
    matcher: "/affiliate/reports",
    middlewares: [partner, validateAndTransformQuery(AffiliateGetReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/reports/summary",
    middlewares: [partner, validateAndTransformQuery(AffiliateGetReportSummaryParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/me/payout-details",
    middlewares: [partner, validateAndTransformQuery(AffiliateGetParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/affiliate/me/payout-details",
    middlewares: [partner, validateAndTransformBody(SetOwnPayoutDetails)],
  },
  { method: ["GET"], matcher: "/affiliate/links", middlewares: [partner, validateAndTransformQuery(AffiliateGetParams, {})] },
  { method: ["POST"], matcher: "/affiliate/links", middlewares: [partner, validateAndTransformBody(CreateReferralLink)] },
  { method: ["POST"], matcher: "/affiliate/links/:id", middlewares: [partner, validateAndTransformBody(UpdateReferralLink)] },
  { method: ["DELETE"], matcher: "/affiliate/links/:id", middlewares: [partner] },
]
