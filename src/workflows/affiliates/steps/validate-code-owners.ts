import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const validateCodeOwnersStepId = "validate-code-owners"

/**
 * This step checks that the affiliates new codes are given to exist.
 */
export const validateCodeOwnersStep = createStep(
  validateCodeOwnersStepId,
  async (affiliateIds: string[], { container }) => {
    const ids = [...new Set(affiliateIds)]
    const found = await affiliateService(container).listAffiliates({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((affiliate) => affiliate.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Affiliate with id: ${missing.join(", ")} was not found`
      )
    }
    return new StepResponse(void 0)
  }
)
