import { isPayoutDue } from "../../../modules/affiliate/payouts/payable"
import { minimumPayoutFor, ProgramSettings } from "../../../modules/affiliate/settings"
import { AffiliateBalance } from "../../../modules/affiliate/types"

/**
 * A balance as the admin API returns it, with the payout minimum beside it.
 * `payable` ("due") is the module's one rule, decided on the exact figures.
 */
export function toBalanceResponse(balance: AffiliateBalance, settings: ProgramSettings) {
  const minimum = minimumPayoutFor(settings, balance.currency_code)
  return {
    affiliate_id: balance.affiliate_id,
    currency_code: balance.currency_code,
    available: Number(balance.available),
    pending: Number(balance.pending),
    in_flight: Number(balance.in_flight),
    paid: Number(balance.paid),
    minimum_payout: minimum,
    payable: isPayoutDue(balance.available, minimum),
  }
}
