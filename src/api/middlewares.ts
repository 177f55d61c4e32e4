import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuditLogMiddlewares } from "./admin/affiliate-audit-log/middlewares"
import { adminAffiliateBalanceMiddlewares } from "./admin/affiliate-balances/middlewares"
import { adminReferralCodeMiddlewares } from "./admin/affiliate-codes/middlewares"
import { adminReferralLinkMiddlewares } from "./admin/affiliate-links/middlewares"
import { adminCommissionLineMiddlewares } from "./admin/affiliate-commissions/middlewares"
import { adminPayoutMiddlewares } from "./admin/affiliate-payouts/middlewares"
import { adminPayoutBatchMiddlewares } from "./admin/affiliate-payout-batches/middlewares"
import { payoutWebhookMiddlewares } from "./hooks/affiliate-payouts/middlewares"
import { adminReportMiddlewares } from "./admin/affiliate-reports/middlewares"
import { adminCommissionRuleMiddlewares } from "./admin/affiliate-rules/middlewares"
import { adminProgramSettingsMiddlewares } from "./admin/affiliate-settings/middlewares"
import { adminAffiliateMiddlewares } from "./admin/affiliates/middlewares"
import { adminCustomerBindingMiddlewares } from "./admin/customers/middlewares"
import { adminOrderAttributionMiddlewares } from "./admin/orders/middlewares"
import { adminCreativeMiddlewares } from "./admin/affiliate-creatives/middlewares"
import { adminProductAffiliateProgramMiddlewares } from "./admin/products/middlewares"
import { affiliatePortalMiddlewares } from "./affiliate/middlewares"
import { affiliateDashboardMiddlewares } from "./affiliate/dashboard/middlewares"
import { affiliateCodeMiddlewares } from "./affiliate/codes/middlewares"
import { affiliateDestinationMiddlewares } from "./affiliate/destinations/middlewares"
import { affiliateCustomerMiddlewares } from "./affiliate/customers/middlewares"
import { affiliateCommissionMiddlewares } from "./affiliate/commissions/middlewares"
import { affiliateBalanceMiddlewares } from "./affiliate/balances/middlewares"
import { affiliatePayoutMiddlewares } from "./affiliate/payouts/middlewares"
import { affiliateCreativeMiddlewares } from "./affiliate/creatives/middlewares"
import { portalMiddlewares } from "./portal/middlewares"
import { affiliateAccountMiddlewares } from "./affiliate-account/middlewares"
import { storeCartReferralMiddlewares } from "./store/carts/middlewares"
import { storeReferralMiddlewares } from "./store/referrals/middlewares"
import { failFastWithoutDatabase } from "./utils/database-breaker"
import { affiliateErrorHandler } from "./utils/error-handler"
import { PARAM_ROUTE_PREFIXES, validatePathParams } from "./utils/path-params"

/**
 * Every route of the plugin but the `/r/` redirects (which send the visitor
 * on without the database) answers 503 at once while PostgreSQL is down.
 */
const PLUGIN_ROUTE_PREFIXES = [
  "/admin/affiliate*",
  "/admin/orders/:id/affiliate-attribution",
  "/admin/customers/:id/affiliate-binding",
  "/admin/products/:id/affiliate-program",
  "/store/referrals*",
  "/store/carts/:id/referral",
  "/affiliate*",
]

export default defineMiddlewares({
  errorHandler: affiliateErrorHandler,
  routes: [
    ...PLUGIN_ROUTE_PREFIXES.map((matcher) => ({ matcher, middlewares: [failFastWithoutDatabase] })),
    // Every path parameter is an id or a code: a malformed one is a 400 before any lookup.
    ...PARAM_ROUTE_PREFIXES.map((matcher) => ({ matcher, middlewares: [validatePathParams] })),
    ...adminAffiliateMiddlewares,
    ...adminReferralCodeMiddlewares,
    ...adminReferralLinkMiddlewares,
    ...adminCommissionLineMiddlewares,
    ...adminAffiliateBalanceMiddlewares,
    ...adminPayoutMiddlewares,
    ...adminPayoutBatchMiddlewares,
    ...payoutWebhookMiddlewares,
    ...adminCommissionRuleMiddlewares,
    ...adminProgramSettingsMiddlewares,
    ...adminReportMiddlewares,
    ...adminAuditLogMiddlewares,
    ...adminOrderAttributionMiddlewares,
    ...adminCustomerBindingMiddlewares,
    ...adminCreativeMiddlewares,
    ...adminProductAffiliateProgramMiddlewares,
    ...storeReferralMiddlewares,
    ...storeCartReferralMiddlewares,
    ...affiliatePortalMiddlewares,
    // The partner portal's reads (issue 12).
    ...affiliateDashboardMiddlewares,
    ...affiliateCodeMiddlewares,
    ...affiliateDestinationMiddlewares,
    ...affiliateCustomerMiddlewares,
    ...affiliateCommissionMiddlewares,
    ...affiliateBalanceMiddlewares,
    ...affiliatePayoutMiddlewares,
    ...affiliateCreativeMiddlewares,
    ...portalMiddlewares,
    ...affiliateAccountMiddlewares,
  ],
})
