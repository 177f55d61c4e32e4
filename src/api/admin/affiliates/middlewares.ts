import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { idempotent } from "../../utils/idempotency"
import { validateAndTransformQuery } from "../../utils/validate-query"
import { replayAdjustment, replayPayout } from "./helpers"
import {
  listAffiliatesQueryConfig,
  listReferralCodesQueryConfig,
  retrieveAffiliateQueryConfig,
} from "./query-config"
import {
  AdminCreateAdjustment,
  AdminCreateAffiliate,
  AdminCreatePayout,
  AdminCreateReferralCode,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminGetBalancesParams,
  AdminGetReferralCodesParams,
  AdminInviteAffiliate,
  AdminSetPayoutDetails,
  AdminSetAffiliateStatus,
  AdminUpdateAffiliate,
} from "./validators"
import { currencyCodeField, requireStoreCurrencies } from "../../utils/store-currencies"

export const adminAffiliateMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliates",
    middlewares: [validateAndTransformQuery(AdminGetAffiliatesParams, listAffiliatesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateAndTransformBody(AdminCreateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  ...["approve", "reject", "suspend", "deactivate"].map(
    (action): MiddlewareRoute => ({
      method: ["POST"],
      matcher: `/admin/affiliates/:id/${action}`,
      middlewares: [
        validateAndTransformBody(AdminSetAffiliateStatus),
        validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
      ],
    })
  ),
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/invite",
    middlewares: [validateAndTransformBody(AdminInviteAffiliate)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/payout-details",
    middlewares: [validateAndTransformQuery(AdminGetAffiliateParams.omit({ fields: true }), {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/payout-details",
    middlewares: [validateAndTransformBody(AdminSetPayoutDetails)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/codes",
    middlewares: [validateAndTransformQuery(AdminGetReferralCodesParams, listReferralCodesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/codes",
    middlewares: [validateAndTransformBody(AdminCreateReferralCode)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/balances",
    middlewares: [validateAndTransformQuery(AdminGetBalancesParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/adjustments",
    middlewares: [
      validateAndTransformBody(AdminCreateAdjustment),
      requireStoreCurrencies(currencyCodeField),
      idempotent({ replay: replayAdjustment }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/payouts",
    middlewares: [
      validateAndTransformBody(AdminCreatePayout),
      requireStoreCurrencies(currencyCodeField),
      idempotent({ replay: replayPayout }),
    ],
  },
]
