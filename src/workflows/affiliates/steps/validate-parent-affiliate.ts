import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export const validateParentAffiliatesStepId = "validate-parent-affiliates"

/**
 * This step checks that every parent affiliate named exists and that no
 * affiliate becomes its own parent.
 */
export const validateParentAffiliatesStep = createStep(
  validateParentAffiliatesStepId,
  async (data: { id?: string; parent_id?: string | null }[], { container }) => {
    const parentIds = [...new Set(data.map((row) => row.parent_id).filter(Boolean))] as string[]
    for (const row of data) {
      if (row.id && row.parent_id === row.id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `parent_id: affiliate ${row.id} cannot be its own parent`
        )
      }
    }
    if (!parentIds.length) {
      return new StepResponse(void 0)
    }
    const found = await affiliateService(container).listAffiliates(
      { id: parentIds },
      { select: ["id"] }
    )
    const missing = parentIds.filter((id) => !found.some((parent) => parent.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `parent_id: affiliate with id: ${missing.join(", ")} was not found`
      )
    }
    return new StepResponse(void 0)
  }
)
