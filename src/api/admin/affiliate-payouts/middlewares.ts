import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { idempotent } from "../../utils/idempotency"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { replayPayoutAction, replayPayoutRetry } from "./helpers"
import { listPayoutsQueryConfig } from "./query-config"
import {
  AdminCancelPayout,
  AdminExportPayoutsParams,
  AdminFailPayout,
  AdminGetPayoutsParams,
  AdminMarkPayoutPaid,
  AdminRetryPayout,
} from "./validators"

export const adminPayoutMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminGetPayoutsParams, listPayoutsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts/export",
    middlewares: [validateAndTransformQuery(AdminExportPayoutsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/mark-paid",
    middlewares: [validateAndTransformBody(AdminMarkPayoutPaid), idempotent({ replay: replayPayoutAction })],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/fail",
    middlewares: [validateAndTransformBody(AdminFailPayout), idempotent({ replay: replayPayoutAction })],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/cancel",
    middlewares: [validateAndTransformBody(AdminCancelPayout), idempotent({ replay: replayPayoutAction })],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/retry",
    middlewares: [validateAndTransformBody(AdminRetryPayout), idempotent({ replay: replayPayoutRetry })],
  },
]
