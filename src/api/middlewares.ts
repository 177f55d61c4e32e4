import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateBalanceMiddlewares } from "./admin/affiliate-balances/middlewares"
import { adminReferralCodeMiddlewares } from "./admin/affiliate-codes/middlewares"
import { adminCommissionLineMiddlewares } from "./admin/affiliate-commissions/middlewares"
import { adminPayoutMiddlewares } from "./admin/affiliate-payouts/middlewares"
import { adminCommissionRuleMiddlewares } from "./admin/affiliate-rules/middlewares"
import { adminProgramSettingsMiddlewares } from "./admin/affiliate-settings/middlewares"
import { adminAffiliateMiddlewares } from "./admin/affiliates/middlewares"
import { storeCartReferralMiddlewares } from "./store/carts/middlewares"
import { storeReferralMiddlewares } from "./store/referrals/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminAffiliateMiddlewares,
    ...adminReferralCodeMiddlewares,
    ...adminCommissionLineMiddlewares,
    ...adminAffiliateBalanceMiddlewares,
    ...adminPayoutMiddlewares,
    ...adminCommissionRuleMiddlewares,
    ...adminProgramSettingsMiddlewares,
    ...storeReferralMiddlewares,
    ...storeCartReferralMiddlewares,
  ],
})
