import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { idempotent } from "../../utils/idempotency"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { replayStatusChange } from "./change-status"
import { listCommissionLinesQueryConfig } from "./query-config"
import {
  AdminChangeCommissionLinesStatus,
  AdminExportCommissionLinesParams,
  AdminGetCommissionLinesParams,
} from "./validators"

export const adminCommissionLineMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions",
    middlewares: [
      validateAndTransformQuery(AdminGetCommissionLinesParams, listCommissionLinesQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions/export",
    middlewares: [validateAndTransformQuery(AdminExportCommissionLinesParams, {})],
  },
  ...["approve", "reject", "hold", "release"].map(
    (action): MiddlewareRoute => ({
      method: ["POST"],
      matcher: `/admin/affiliate-commissions/${action}`,
      middlewares: [validateAndTransformBody(AdminChangeCommissionLinesStatus), idempotent({ replay: replayStatusChange })],
    })
  ),
]
