import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundShareInput, WrittenLine } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export type { RefundShareInput as RefundedShareInput } from "../../../types/ledger"

export const reverseRefundedShareStepId = "reverse-refunded-commission-share"

/**
 * This step takes back, for each refund, the same share of the order's
 * commission as the refund is of what the customer paid. One reversal per
 * line and refund, so a refund event delivered twice changes nothing.
 */
export const reverseRefundedShareStep = createStep(
  reverseRefundedShareStepId,
  async (input: RefundShareInput, { container }) => {
    const written = await affiliateService(container).reverseRefundedShare(input)
    return new StepResponse<WrittenLine[], string[]>(written, written.map((line) => line.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).undoLines(ids)
  }
)
