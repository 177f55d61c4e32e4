import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { minimumPayoutFor } from "../../../modules/affiliate/settings"
import { affiliateService } from "../../../workflows/affiliate-service"
import { money, partnerOf } from "../../utils/portal"
import type { AffiliateGetBalancesParamsType } from "./validators"

/**
 * The partner's balances per currency, summed from the ledger (H6):
 * `approved` is what the next payout can pay, `in_flight` what a payout
 * under way is paying, beside the program's minimum payout.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetBalancesParamsType>, res: MedusaResponse) => {
  const { currency_code } = req.validatedQuery as AffiliateGetBalancesParamsType
  const service = affiliateService(req.scope)
  const [balances, settings] = await Promise.all([
    service.listBalances({ affiliate_id: partnerOf(req), currency_code }),
    service.getProgramSettings(),
  ])
  res.json({
    balances: balances.map((balance) => ({
      currency_code: balance.currency_code,
      pending: money(balance.pending),
      approved: money(balance.available),
      in_flight: money(balance.in_flight),
      paid: money(balance.paid),
      minimum_payout: minimumPayoutFor(settings, balance.currency_code),
    })),
  })
}
