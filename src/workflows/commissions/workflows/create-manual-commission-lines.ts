import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import { CreateManualLinesInput, createManualLinesStep } from "../steps/create-manual-lines"

export const createManualCommissionLinesWorkflowId = "create-manual-commission-lines"

/**
 * This workflow records manual adjustments (positive or negative) and bonuses
 * in the ledger, with an audit entry each, and announces each line as
 * `affiliate_commission.created`. They are approved unless asked otherwise,
 * so they count in the next payout. Returns the ids of the lines written.
 */
export const createManualCommissionLinesWorkflow = createWorkflow(
  createManualCommissionLinesWorkflowId,
  (input: CreateManualLinesInput) => {
    const written = createManualLinesStep(input)
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: written })
    return new WorkflowResponse(transform({ written }, ({ written }) => written.map((line) => line.id)))
  }
)
