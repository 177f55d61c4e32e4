import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CommissionStatus,
  CommissionType,
} from "../../../modules/affiliate/types"
import { saleCommission } from "../../../modules/affiliate/utils/sale-commission"
import { affiliateService } from "../../affiliate-service"
import { CommissionOrder } from "../utils/order-fields"
import { OrderAttribution } from "./attribute-order"

export const recordSaleLinesStepId = "record-sale-lines"

/**
 * This step writes the pending sale line of an attributed order: the
 * affiliate's own rate, or the program default, of the order's items after
 * discounts and before tax and shipping. The unique index on order, affiliate
 * and level makes a second delivery of the same order a no-op.
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
    const existing = await service.listCommissionLines(
      { order_id: order.id, affiliate_id: attribution.affiliate_id, level: 0, type: CommissionType.SALE },
      { select: ["id"] }
    )
    if (existing.length) {
      return new StepResponse(existing.map((line) => line.id), [] as string[])
    }

    const ownRate = attribution.affiliate.raw_commission_rate ?? attribution.affiliate.commission_rate
    const rate = ownRate ?? service.getOptions().default_commission_rate
    const { base, amount } = saleCommission(order.items ?? [], rate as any, order.currency_code)
    if (MathBN.lte(amount, 0)) {
      return new StepResponse([] as string[], [] as string[])
    }

    try {
      const line = await service.createCommissionLines({
        affiliate_id: attribution.affiliate_id,
        attribution_id: attribution.id,
        order_id: order.id,
        type: CommissionType.SALE,
        status: CommissionStatus.PENDING,
        level: 0,
        source: attribution.source,
        amount: amount.toString(),
        base_amount: base.toString(),
        rate: MathBN.convert(rate as any).toString(),
        rule: ownRate != null ? "affiliate" : "program_default",
        currency_code: order.currency_code.toLowerCase(),
      } as any)
      return new StepResponse([line.id], [line.id])
    } catch (error) {
      // A concurrent delivery of the same order won the unique index: its
      // line is the order's line, and this run has nothing to undo.
      const raced = await service.listCommissionLines(
        { order_id: order.id, affiliate_id: attribution.affiliate_id, level: 0, type: CommissionType.SALE },
        { select: ["id"] }
      )
      if (raced.length) {
        return new StepResponse(raced.map((line) => line.id), [] as string[])
      }
      throw error
    }
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(createdIds)
  }
)
