import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReverseLinesOptions } from "../../../modules/affiliate/service"
import { affiliateService } from "../../affiliate-service"

export type ReverseOrderLinesInput = ReverseLinesOptions & { order_id: string }

export const reverseOrderLinesStepId = "reverse-order-lines"

/**
 * This step writes a negative line against each of an order's earning lines,
 * for all that is left of it or for a `fraction` (a partial refund).
 * Nothing is deleted: the ledger keeps both lines.
 */
export const reverseOrderLinesStep = createStep(
  reverseOrderLinesStepId,
  async ({ order_id, ...reversal }: ReverseOrderLinesInput, { container }) => {
    const created = await affiliateService(container).reverseOrderLines(order_id, reversal)
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(created)
  }
)
