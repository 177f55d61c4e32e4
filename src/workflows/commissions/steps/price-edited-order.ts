import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumberInput } from "@medusajs/framework/types"
import { CommissionType } from "../../../modules/affiliate/types"
import { computeOrderCommission } from "../../../modules/affiliate/utils/commission-rules"
import { affiliateService } from "../../affiliate-service"
import { gatherCommissionFacts } from "../utils/commission-facts"
import { CommissionOrder } from "../utils/order-fields"
import { OrderAttribution } from "./prepare-order-accrual"

export const priceEditedOrderStepId = "price-edited-order"

/**
 * This step prices an edited order again with the rules engine, for each
 * affiliate and level that already has a sale line on it: what that line
 * should now be worth, by line id. An order without sale lines earns nothing
 * new from an edit.
 */
export const priceEditedOrderStep = createStep(
  priceEditedOrderStepId,
  async ({ order }: { order: CommissionOrder }, { container }) => {
    const service = affiliateService(container)
    const lines = await service.listCommissionLines({ order_id: order.id, type: CommissionType.SALE })
    const [attribution] = await service.listAttributions({ order_id: order.id }, { take: 1 })
    const targets: Record<string, BigNumberInput> = {}
    if (!lines.length || !attribution) {
      return new StepResponse(targets)
    }
    const affiliate = await service.retrieveAffiliate(attribution.affiliate_id)
    const facts = await gatherCommissionFacts(container, order, {
      ...attribution,
      rejection_reason: null,
      hold_reason: null,
      affiliate,
    } as unknown as OrderAttribution)
    for (const line of lines) {
      const commission = computeOrderCommission(
        facts.rules,
        facts.order,
        {
          ...facts.context,
          affiliate_id: line.affiliate_id,
          level: line.level,
          performance: facts.performance.get(line.affiliate_id),
        },
        facts.exclusions
      )
      targets[line.id] = commission.amount
    }
    return new StepResponse(targets)
  }
)
