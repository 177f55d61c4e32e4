import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReverseLinesOptions, WrittenLine } from "../../../types/ledger"
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
    const written = await affiliateService(container).reverseOrderLines(order_id, reversal)
    return new StepResponse<WrittenLine[], string[]>(written, written.map((line) => line.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).undoLines(ids)
  }
)
