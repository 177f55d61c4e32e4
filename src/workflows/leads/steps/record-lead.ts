import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"
import { CommissionRule, leadCommission, resolveLeadRule } from "../../../modules/affiliate/utils/commission-rules"
import { affiliateService } from "../../affiliate-service"
import { FRAUD_CHECK_ACTOR } from "../../../modules/affiliate/ledger/accrual"
import { ValidatedLead } from "./validate-lead"

type Created = { lead_id: string; binding_id: string | null; line_id: string | null }

export const recordLeadStepId = "record-affiliate-lead"

/**
 * This step records the lead, binds the customer to the affiliate for life
 * (C6, unless bound already), and writes the lead commission when a per-lead
 * rule applies (D1): one line in the store's default currency where the rule
 * names it, waiting out the hold period like a sale, or on hold for review.
 * The unique index on the lead's customer settles two concurrent sign-ups.
 */
export const recordLeadStep = createStep(
  recordLeadStepId,
  async ({ lead, hold_reason }: ValidatedLead, { container }) => {
    const service = affiliateService(container)
    const created = await service.createLeads(lead!)
    const undo: Created = { lead_id: created.id, binding_id: null, line_id: null }

    const [bound] = await service.listCustomerBindings({ customer_id: lead!.customer_id }, { take: 1 })
    if (!bound) {
      const binding = await service.createCustomerBindings({
        customer_id: lead!.customer_id,
        affiliate_id: lead!.affiliate_id,
        referred_at: lead!.referred_at,
      })
      undo.binding_id = binding.id
    }

    const rules = (await service.listApplicableRules({
      affiliate_ids: [lead!.affiliate_id],
      product_ids: [],
    })) as unknown as CommissionRule[]
    const rule = resolveLeadRule(rules, lead!.affiliate_id)
    const commission = rule && leadCommission(rule, await storeCurrencies(container))
    if (rule && commission) {
      const { hold_days } = await service.getProgramSettings()
      const now = new Date()
      const line = await service.createCommissionLines({
        affiliate_id: lead!.affiliate_id,
        type: CommissionType.LEAD,
        amount: commission.amount,
        currency_code: commission.currency_code,
        rule: rule.id,
        level: 0,
        source: lead!.source,
        reference: `lead:${created.id}`,
        hold_until: new Date(now.getTime() + hold_days * 86_400_000),
        ...(hold_reason
          ? {
              status: CommissionStatus.ON_HOLD,
              status_reason: hold_reason,
              status_changed_by: FRAUD_CHECK_ACTOR,
              status_changed_at: now,
            }
          : { status: CommissionStatus.PENDING }),
      } as any)
      undo.line_id = line.id
    }
    return new StepResponse(created.id, undo)
  },
  async (undo: Created | undefined, { container }) => {
    if (!undo) {
      return
    }
    const service = affiliateService(container)
    if (undo.line_id) await service.deleteCommissionLines(undo.line_id)
    if (undo.binding_id) await service.deleteCustomerBindings(undo.binding_id)
    await service.deleteLeads(undo.lead_id)
  }
)

/** The store's currencies, its default first. */
async function storeCurrencies(container: Parameters<typeof affiliateService>[0]): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [store] } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = (store?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
  return [...currencies].sort((a, b) => Number(b.is_default) - Number(a.is_default)).map((c) => c.currency_code)
}
