import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { idempotent } from "../../utils/idempotency"
import { currencyCodeField, requireStoreCurrencies } from "../../utils/store-currencies"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { replayPayoutBatch } from "./helpers"
import { listPayoutBatchesQueryConfig } from "./query-config"
import { AdminCreatePayoutBatch, AdminGetPayoutBatchesParams } from "./validators"

export const adminPayoutBatchMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payout-batches",
    middlewares: [validateAndTransformQuery(AdminGetPayoutBatchesParams, listPayoutBatchesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payout-batches",
    middlewares: [
      validateAndTransformBody(AdminCreatePayoutBatch),
      requireStoreCurrencies(currencyCodeField),
      idempotent({ replay: replayPayoutBatch }),
    ],
  },
]
