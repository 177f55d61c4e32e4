import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { WrittenLine } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export const approveDueLinesStepId = "approve-due-lines"

/**
 * This step approves the lines whose customer has paid and whose hold period
 * ended by `now`. Compensation puts them back to pending.
 */
export const approveDueLinesStep = createStep(
  approveDueLinesStepId,
  async ({ now }: { now: Date }, { container }) => {
    const approved = await affiliateService(container).approveDueLines(new Date(now))
    return new StepResponse<WrittenLine[], string[]>(approved, approved.map((line) => line.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).revertApproval(ids)
  }
)
