import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AffiliateStatusAction,
  nextAffiliateStatus,
} from "../../../modules/affiliate/utils/status-transitions"
import { affiliateService } from "../../affiliate-service"

export const validateAffiliateStatusTransitionStepId = "validate-affiliate-status-transition"

/**
 * This step checks that an affiliate may take a status action and returns the
 * update that takes it.
 */
export const validateAffiliateStatusTransitionStep = createStep(
  validateAffiliateStatusTransitionStepId,
  async (input: { id: string; action: AffiliateStatusAction }, { container }) => {
    const affiliate = await affiliateService(container).retrieveAffiliate(input.id, {
      select: ["id", "status"],
    })
    const status = nextAffiliateStatus(affiliate as any, input.action)
    return new StepResponse({
      id: input.id,
      status,
      ...(input.action === "approve" ? { approved_at: new Date() } : {}),
    })
  }
)
