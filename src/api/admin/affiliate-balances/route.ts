import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { toBalanceResponse } from "./helpers"
import { AdminGetAffiliateBalancesParamsType } from "./validators"

/** Balances of every affiliate per currency: what is due, pending and paid. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliateBalancesParamsType>,
  res: MedusaResponse
) => {
  const { currency_code, affiliate_id, payable } =
    req.validatedQuery as AdminGetAffiliateBalancesParamsType
  const service = affiliateService(req.scope)
  const settings = await service.getProgramSettings()
  // "Payable" is the module's one rule (`isPayoutDue`), applied to the exact figures.
  const balances = (await service.listBalancesOfAll({ currency_code, affiliate_id }))
    .map((balance) => toBalanceResponse(balance, settings))
    .filter((balance) => payable === undefined || balance.payable === payable)
  res.json({ balances, count: balances.length })
}
