import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "../../affiliate-service"

export type CreateAffiliateInput = {
  name: string
  email: string
  company?: string | null
  website?: string | null
  phone?: string | null
  status?: string
  is_internal?: boolean
  commission_rate?: number | null
  customer_id?: string | null
  parent_id?: string | null
  sales_channel_ids?: string[] | null
  parent_commission_ends_at?: Date | string | null
  payout_method?: string | null
  payout_details?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
}

export const createAffiliatesStepId = "create-affiliates"

/**
 * This step creates affiliates.
 */
export const createAffiliatesStep = createStep(
  createAffiliatesStepId,
  async (data: CreateAffiliateInput[], { container }) => {
    const service = affiliateService(container)
    const now = new Date()
    const created = await service.createAffiliates(
      data.map((affiliate) => ({
        ...affiliate,
        email: affiliate.email.trim().toLowerCase(),
        approved_at: affiliate.status === "active" ? now : null,
      })) as any[]
    )
    return new StepResponse(
      created,
      created.map((affiliate) => affiliate.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await affiliateService(container).deleteAffiliates(ids)
  }
)
