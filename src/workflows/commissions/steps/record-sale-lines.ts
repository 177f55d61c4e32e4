import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CommissionStatus, CommissionType } from "../../../modules/affiliate/types"
import { computeOrderCommission, earningLevels } from "../../../modules/affiliate/utils/commission-rules"
import { affiliateService } from "../../affiliate-service"
import { gatherCommissionFacts } from "../utils/commission-facts"
import { CommissionOrder } from "../utils/order-fields"
import { OrderAttribution } from "./attribute-order"

export const recordSaleLinesStepId = "record-sale-lines"

/** Who put a line on hold when no admin did: the fraud screen (E7). */
export const FRAUD_CHECK_ACTOR = "system:fraud_check"

/**
 * This step writes the pending sale lines of an attributed order: one for the
 * referring affiliate and one per parent level still earning an override,
 * each computed by the rules engine (rule per line item, tiers, windows,
 * exclusions) and carrying the rule and rate that applied; on hold, with the
 * reason, when the fraud screen flagged the order. The unique index
 * on order, affiliate and level makes a second delivery a no-op.
 */
export const recordSaleLinesStep = createStep(
  recordSaleLinesStepId,
  async (
    { order, attribution }: { order: CommissionOrder; attribution: OrderAttribution | null },
    { container }
  ) => {
    if (!attribution || attribution.rejection_reason) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service = affiliateService(container)
    const facts = await gatherCommissionFacts(container, order, attribution)
    const placedAt = new Date(order.created_at)

    const lineIds: string[] = []
    const created: string[] = []
    for (const { affiliate_id, level } of earningLevels(facts.chain, placedAt, facts.max_level)) {
      const existing = await existingSaleLine(service, order.id, affiliate_id, level)
      if (existing) {
        lineIds.push(existing)
        continue
      }
      const commission = computeOrderCommission(
        facts.rules,
        facts.order,
        { ...facts.context, affiliate_id, level, performance: facts.performance.get(affiliate_id) },
        facts.exclusions
      )
      if (MathBN.lte(commission.amount, 0)) {
        continue
      }
      const rates = [...new Set(commission.items.map((item) => item.rate))]
      try {
        const line = await service.createCommissionLines({
          affiliate_id,
          attribution_id: attribution.id,
          order_id: order.id,
          type: CommissionType.SALE,
          ...(attribution.hold_reason
            ? {
                status: CommissionStatus.ON_HOLD,
                status_reason: attribution.hold_reason,
                status_changed_by: FRAUD_CHECK_ACTOR,
                status_changed_at: new Date(),
              }
            : { status: CommissionStatus.PENDING }),
          level,
          source: attribution.source,
          amount: commission.amount,
          base_amount: commission.base,
          rate: rates.length === 1 ? rates[0] : null,
          rule: commission.rule_id ?? "mixed",
          currency_code: order.currency_code.toLowerCase(),
        } as any)
        lineIds.push(line.id)
        created.push(line.id)
      } catch (error) {
        // A concurrent delivery of the same order won the unique index: its
        // line is this level's line, and this run has nothing to undo for it.
        const raced = await existingSaleLine(service, order.id, affiliate_id, level)
        if (!raced) {
          throw error
        }
        lineIds.push(raced)
      }
    }
    return new StepResponse(lineIds, created)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(createdIds)
  }
)

async function existingSaleLine(
  service: ReturnType<typeof affiliateService>,
  orderId: string,
  affiliateId: string,
  level: number
) {
  const [line] = await service.listCommissionLines(
    { order_id: orderId, affiliate_id: affiliateId, level, type: CommissionType.SALE },
    { select: ["id"] }
  )
  return line?.id ?? null
}
