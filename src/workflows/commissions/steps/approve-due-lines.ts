import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const approveDueLinesStepId = "approve-due-lines"

/**
 * This step approves the lines whose customer has paid and whose hold period
 * ended by `now`.
 */
export const approveDueLinesStep = createStep(
  approveDueLinesStepId,
  async ({ now }: { now: Date }, { container }) => {
    const approved = await affiliateService(container).approveDueLines(new Date(now))
    return new StepResponse(approved, approved)
  },
  async (approved, { container }) => {
    if (!approved?.length) {
      return
    }
    await affiliateService(container).revertApproval(approved)
  }
)
