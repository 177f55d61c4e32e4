import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { leadCommission, resolveLeadRule } from "../../../modules/affiliate/utils/commission-rules"
import type { RecordLeadInput } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"
import { ValidatedLead } from "./validate-lead"

export const priceLeadStepId = "price-affiliate-lead"

/**
 * This step decides, writing nothing, what a validated lead writes: the lead
 * itself and, when a per-lead rule applies (D1), its commission in the
 * store's default currency where the rule names it, with the hold period.
 */
export const priceLeadStep = createStep(
  priceLeadStepId,
  async ({ lead, hold_reason }: ValidatedLead, { container }) => {
    const service = affiliateService(container)
    const rules = await service.listApplicableRules({ affiliate_ids: [lead!.affiliate_id], product_ids: [] })
    const rule = resolveLeadRule(rules, lead!.affiliate_id)
    const commission = rule && leadCommission(rule, await storeCurrencies(container))
    const { hold_days } = await service.getProgramSettings()
    return new StepResponse<RecordLeadInput>({
      lead: lead!,
      commission: rule && commission ? { ...commission, rule_id: rule.id } : null,
      hold_reason,
      hold_days,
    })
  }
)

/** The store's currencies, its default first. */
async function storeCurrencies(container: MedusaContainer): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [store] } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = (store?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return [...currencies].sort((a, b) => Number(b.is_default) - Number(a.is_default)).map((c) => c.currency_code)
}
