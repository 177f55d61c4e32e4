import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { CreateReferralLink, GetReferralLinksParams, UpdateReferralLink } from "./validators"

export const adminReferralLinkMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/links",
    middlewares: [validateAndTransformQuery(GetReferralLinksParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/links",
    middlewares: [validateAndTransformBody(CreateReferralLink)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-links/:id",
    middlewares: [validateAndTransformBody(UpdateReferralLink)],
  },
]
