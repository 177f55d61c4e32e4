import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type UpdateAffiliateInput = { id: string } & Record<string, unknown>

export const updateAffiliatesStepId = "update-affiliates"

/**
 * This step updates affiliates, keeping what they were for compensation.
 */
export const updateAffiliatesStep = createStep(
  updateAffiliatesStepId,
  async (data: UpdateAffiliateInput[], { container }) => {
    const service = affiliateService(container)
    const fields = [...new Set(data.flatMap((row) => Object.keys(row)))]
    const before = await service.listAffiliates(
      { id: data.map((row) => row.id) },
      { select: fields as any }
    )
    const updated = await service.updateAffiliates(
      data.map((row) =>
        typeof row.email === "string" ? { ...row, email: row.email.trim().toLowerCase() } : row
      ) as any
    )
    // Codes resolve to their affiliate's status; don't serve a stale one.
    service.clearCodeCache()
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service = affiliateService(container)
    await service.updateAffiliates(before as any)
    service.clearCodeCache()
  }
)
