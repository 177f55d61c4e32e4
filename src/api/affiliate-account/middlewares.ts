import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../utils/validate-query"
import { AcceptInvitation, AccountToken, ProgramParams, RegisterPartner } from "./validators"

/**
 * The public account routes (issue 12): no partner session. Sign-up needs the
 * token of `POST /auth/affiliate/emailpass/register` (a login with no partner
 * yet), verification the login that signed up; the others are reached from
 * an emailed link. None tells whether an
 * email belongs to a partner.
 */
export const affiliateAccountMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate-account/program", middlewares: [validateAndTransformQuery(ProgramParams, {})] },
  {
    method: ["POST"],
    matcher: "/affiliate-account/register",
    middlewares: [
      authenticate("affiliate", ["session", "bearer"], { allowUnregistered: true }),
      validateAndTransformBody(RegisterPartner),
    ],
  },
  {
    // The partner who signed up, logged in (see the route).
    method: ["POST"],
    matcher: "/affiliate-account/verify-email",
    middlewares: [authenticate("affiliate", ["session", "bearer"]), validateAndTransformBody(AccountToken)],
  },
  { method: ["POST"], matcher: "/affiliate-account/invitations/check", middlewares: [validateAndTransformBody(AccountToken)] },
  { method: ["POST"], matcher: "/affiliate-account/invitations/accept", middlewares: [validateAndTransformBody(AcceptInvitation)] },
]
