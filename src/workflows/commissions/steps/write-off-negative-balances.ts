import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const writeOffNegativeBalancesStepId = "write-off-negative-balances"

/** This step writes off the negative balances of a period (F5). */
export const writeOffNegativeBalancesStep = createStep(
  writeOffNegativeBalancesStepId,
  async ({ period }: { period: string }, { container }) => {
    const written = await affiliateService(container).writeOffNegativeBalances(period)
    return new StepResponse(written, written)
  },
  async (written, { container }) => {
    if (!written?.length) {
      return
    }
    await affiliateService(container).deleteCommissionLines(written)
  }
)
