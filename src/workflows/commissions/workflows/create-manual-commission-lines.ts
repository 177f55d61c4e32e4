import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CreateManualLinesInput, createManualLinesStep } from "../steps/create-manual-lines"

export const createManualCommissionLinesWorkflowId = "create-manual-commission-lines"

/**
 * This workflow records manual adjustments (positive or negative) and bonuses
 * in the ledger. They are approved unless asked otherwise, so they count in
 * the next payout.
 */
export const createManualCommissionLinesWorkflow = createWorkflow(
  createManualCommissionLinesWorkflowId,
  (input: CreateManualLinesInput) => {
    const lines = createManualLinesStep(input)
    return new WorkflowResponse(lines)
  }
)
