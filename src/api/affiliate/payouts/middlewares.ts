import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { AffiliateExportPayoutsParams, AffiliateGetPayoutParams, AffiliateGetPayoutsParams } from "./validators"

const validatePayoutQuery = validateAndTransformQuery(AffiliateGetPayoutParams, {})

export const affiliatePayoutMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/affiliate/payouts", middlewares: [validateAndTransformQuery(AffiliateGetPayoutsParams, {})] },
  {
    method: ["GET"],
    matcher: "/affiliate/payouts/export",
    middlewares: [validateAndTransformQuery(AffiliateExportPayoutsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/affiliate/payouts/:id",
    middlewares: [
      // `/affiliate/payouts/export` matches `:id` too: its own validator has run.
      (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
        req.params.id === "export" ? next() : validatePayoutQuery(req, res, next),
    ],
  },
]
