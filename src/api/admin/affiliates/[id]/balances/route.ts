import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import { refetchAffiliate } from "../../helpers"
import { toBalanceResponse } from "../../../affiliate-balances/helpers"

/** The affiliate's balances per currency, derived from the ledger. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  const service = affiliateService(req.scope)
  const balances = await service.listBalances({
    affiliate_id: req.params.id,
    currency_code: (req.validatedQuery as { currency_code?: string }).currency_code,
  })
  const settings = await service.getProgramSettings()
  res.json({ balances: balances.map((balance) => toBalanceResponse(balance, settings)) })
}
