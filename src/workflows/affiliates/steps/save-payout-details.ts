import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutDetails } from "../../../modules/affiliate/payout-details/types"
import type { AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"

export const savePayoutDetailsStepId = "save-payout-details"

/**
 * This step saves new affiliates' payout details (B6), each audited masked
 * as `payout_details.changed`. It has no compensation of its own: it only
 * runs for affiliates the workflow created, and undoing their creation
 * deletes them with their details.
 */
export const savePayoutDetailsStep = createStep(
  savePayoutDetailsStepId,
  async (input: { details: { affiliate_id: string; details: PayoutDetails }[]; actor: AuditActor }, { container }) => {
    const service = affiliateService(container)
    for (const { affiliate_id, details } of input.details) {
      await service.setPayoutDetails({ affiliate_id, details, actor: input.actor })
    }
    return new StepResponse(void 0)
  }
)
