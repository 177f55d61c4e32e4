import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../utils/validate-query"
import { CreateReferralLink, UpdateReferralLink } from "../admin/affiliate-links/validators"
import {
  AcceptOwnTerms,
  AffiliateGetParams,
  AffiliateGetReportParams,
  AffiliateGetReportSummaryParams,
  SetOwnPayoutDetails,
  UpdateOwnProfile,
} from "./validators"

/**
 * The partner portal's API: every route under `/affiliate/` needs a login of
 * actor type `affiliate` bound to a partner (session cookie or bearer token),
 * and reads the partner from `req.auth_context.actor_id`, never from the
 * request. One guard for the whole prefix: an entry without `method` is a
 * global middleware, which Medusa's route sorter registers before every route
 * and route middleware (`app.use("/affiliate/*")`), so a route added under
 * `/affiliate/` by any file is guarded without naming it here
 * (`portal-accounts.spec.ts` checks every route file). Sign-up and links
 * from emails live outside the prefix, under `/affiliate-account/`.
 */
export const affiliatePortalGuard: MiddlewareRoute = {
  matcher: "/affiliate/*",
  middlewares: [authenticate("affiliate", ["session", "bearer"])],
}

export const affiliatePortalMiddlewares: MiddlewareRoute[] = [
  affiliatePortalGuard,
  { method: ["GET"], matcher: "/affiliate/me", middlewares: [validateAndTransformQuery(AffiliateGetParams, {})] },
  { method: ["POST"], matcher: "/affiliate/me", middlewares: [validateAndTransformBody(UpdateOwnProfile)] },
  { method: ["POST"], matcher: "/affiliate/me/terms", middlewares: [validateAndTransformBody(AcceptOwnTerms)] },
  { method: ["GET"], matcher: "/affiliate/alerts", middlewares: [validateAndTransformQuery(AffiliateGetParams, {})] },
  {
    method: ["GET"],
    matcher: "/affiliate/reports",
    middlewares: [validateAndTransformQuery(AffiliateGetReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/reports/summary",
    middlewares: [validateAndTransformQuery(AffiliateGetReportSummaryParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/me/payout-details",
    middlewares: [validateAndTransformQuery(AffiliateGetParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/affiliate/me/payout-details",
    middlewares: [validateAndTransformBody(SetOwnPayoutDetails)],
  },
  { method: ["GET"], matcher: "/affiliate/links", middlewares: [validateAndTransformQuery(AffiliateGetParams, {})] },
  { method: ["POST"], matcher: "/affiliate/links", middlewares: [validateAndTransformBody(CreateReferralLink)] },
  { method: ["POST"], matcher: "/affiliate/links/:id", middlewares: [validateAndTransformBody(UpdateReferralLink)] },
]
