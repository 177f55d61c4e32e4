import { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { WrittenLine } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export const adjustOrderLinesStepId = "adjust-order-lines"

/**
 * This step writes the adjustment lines of an order edit (E4) and records the
 * order version they price, in one transaction.
 */
export const adjustOrderLinesStep = createStep(
  adjustOrderLinesStepId,
  async (
    input: { order_id: string; targets: Record<string, BigNumberInput>; reference: string; priced_version?: number },
    { container }
  ) => {
    const written = await affiliateService(container).adjustOrderLines(input.order_id, input.targets, {
      reference: input.reference,
      reason: "Order edited",
      priced_version: input.priced_version,
    })
    return new StepResponse<WrittenLine[], string[]>(written, written.map((line) => line.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).undoLines(ids)
  }
)
