import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const writeOffNegativeBalancesStepId = "write-off-negative-balances"

/** This step writes off the negative balances of a period (F5). */
export const writeOffNegativeBalancesStep = createStep(
  writeOffNegativeBalancesStepId,
  async ({ period }: { period: string }, { container }) => {
    const ids = (await affiliateService(container).writeOffNegativeBalances(period)).map((line) => line.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).undoLines(ids)
  }
)
