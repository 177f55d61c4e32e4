import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateManualLinesInput, WrittenLine } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export type { CreateManualLinesInput, ManualLineInput } from "../../../types/ledger"

export const createManualLinesStepId = "create-manual-commission-lines"

/**
 * This step writes adjustments and bonuses an admin made by hand, each with
 * its reason, the admin who made it and an audit entry. Compensation takes
 * the lines back.
 */
export const createManualLinesStep = createStep(
  createManualLinesStepId,
  async (input: CreateManualLinesInput, { container }) => {
    const written = await affiliateService(container).createManualLines(input)
    return new StepResponse<WrittenLine[], string[]>(written, written.map((line) => line.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).undoLines(ids)
  }
)
