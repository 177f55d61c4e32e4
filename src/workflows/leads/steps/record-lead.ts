import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LeadUndo, RecordedLead, RecordLeadInput } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export const recordLeadStepId = "record-affiliate-lead"

/**
 * This step records the lead, the customer's lifetime binding (C6, unless
 * bound already) and the lead's commission line, in one module transaction.
 * Compensation takes back exactly what it wrote.
 */
export const recordLeadStep = createStep(
  recordLeadStepId,
  async (input: RecordLeadInput, { container }) => {
    const recorded = await affiliateService(container).recordLead(input)
    return new StepResponse<RecordedLead, LeadUndo>(recorded, recorded.undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await affiliateService(container).undoLead(undo)
  }
)
