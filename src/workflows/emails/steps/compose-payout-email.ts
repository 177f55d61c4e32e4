import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatAmount } from "../../../modules/affiliate/exports/rows"
import { affiliateService } from "../../affiliate-service"
import { partnerLocale, type PartnerEmail } from "../partner-email"

export const composePayoutEmailStepId = "compose-payout-email"

type PayoutRow = {
  id: string
  status: string
  amount: unknown
  raw_amount?: { value: string } | null
  currency_code: string
  external_reference: string | null
  affiliate: { id: string; name: string; email: string } | null
}

/**
 * This step writes the `payout_sent` email of a paid payout: its exact
 * amount and the provider's reference. Nothing if the payout is gone or no
 * longer paid.
 */
export const composePayoutEmailStep = createStep(
  composePayoutEmailStepId,
  async (input: { payout_id: string }, { container }) => {
    const payout = (await affiliateService(container)
      .retrievePayout(input.payout_id, { relations: ["affiliate"] })
      .catch((e) => {
        if (e instanceof MedusaError && e.type === MedusaError.Types.NOT_FOUND) return null
        throw e
      })) as unknown as PayoutRow | null
    if (!payout?.affiliate || payout.status !== "paid") {
      return new StepResponse([] as PartnerEmail[])
    }
    const email: PartnerEmail = {
      name: "payout_sent",
      to: payout.affiliate.email,
      locale: partnerLocale(payout.affiliate),
      data: {
        name: payout.affiliate.name,
        amount: formatAmount(payout.raw_amount?.value ?? String(payout.amount), payout.currency_code),
        currency_code: payout.currency_code,
        reference: payout.external_reference,
      },
      idempotency_key: `affiliate-payout-sent:${payout.id}`,
    }
    return new StepResponse([email])
  }
)
