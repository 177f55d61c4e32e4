import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type ReverseOrderLinesInput = {
  order_id: string
  /** What caused the reversal; one reversal per line and reference. */
  reference: string
  reason?: string
  created_by?: string | null
}

export const reverseOrderLinesStepId = "reverse-order-lines"

/**
 * This step writes a negative line against each of an order's earning lines.
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
