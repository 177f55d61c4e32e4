import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types/audit"
import { affiliateService } from "../../affiliate-service"

export const sendPayoutStepId = "send-affiliate-payout"

/**
 * This step asks the payout's provider to pay it and records the answer
 * (processing, paid or failed). No compensation: what a provider paid can't
 * be taken back by a failed step; a provider's error is a failed payout.
 */
export const sendPayoutStep = createStep(
  sendPayoutStepId,
  async (input: { id: string; actor: AuditActor }, { container }) => {
    return new StepResponse(await affiliateService(container).sendPayout(input.id, input.actor))
  }
)
