import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { fitsCurrencyPrecision } from "../../../../../modules/affiliate/utils/money"
import { idempotencyFence } from "../../../../utils/idempotency"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import { createAffiliatePayoutWorkflow } from "../../../../../workflows/payouts"
import { refetchPayout } from "../../../affiliate-payouts/helpers"
import { refetchAffiliate } from "../../helpers"
import { AdminCreatePayoutType } from "../../validators"

/**
 * Pays the affiliate through a payout provider (`manual` by default: paid at
 * once). The amount defaults to the available balance, which must then be
 * due; the currency may be left out when the affiliate has a balance in one
 * currency.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreatePayoutType>,
  res: MedusaResponse
) => {
  await refetchAffiliate(req.scope, req.params.id, ["id"])
  const body = req.validatedBody
  const currencyCode = body.currency_code ?? (await onlyBalanceCurrency(req, req.params.id))
  if (body.amount !== undefined && !fitsCurrencyPrecision(body.amount, currencyCode)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `amount: ${body.amount} has more decimals than ${currencyCode.toUpperCase()} allows`
    )
  }
  const { result } = await createAffiliatePayoutWorkflow(req.scope).run({
    input: {
      ...body,
      affiliate_id: req.params.id,
      currency_code: currencyCode,
      created_by: req.auth_context.actor_id,
      actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
      idempotency: idempotencyFence(req),
    },
  })
  res.status(201).json({ payout: await refetchPayout(req.scope, result.id) })
}

async function onlyBalanceCurrency(req: AuthenticatedMedusaRequest, affiliateId: string) {
  const balances = await affiliateService(req.scope).listBalances({ affiliate_id: affiliateId })
  // Only which currency is meant: whether it is due is decided under the lock.
  const payable = balances.filter((balance) => MathBN.gt(balance.available, 0))
  if (payable.length === 1) {
    return payable[0].currency_code
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    payable.length
      ? `currency_code is required: affiliate ${affiliateId} has balances in ${payable.map((b) => b.currency_code.toUpperCase()).join(", ")}`
      : `Affiliate ${affiliateId} has no available balance to pay`
  )
}
