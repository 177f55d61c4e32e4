import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { UNDONE_REASON } from "../../audit-actor"

export type CreateAffiliateInput = {
  /** Given when the caller needs the id first (the sign-up logs the partner as its own actor). */
  id?: string
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
  // Partner accounts (issue 12).
  audience?: string | null
  application?: { fields: Record<string, string | boolean> } | null
  terms_version?: number | null
  terms_accepted_at?: Date | null
  locale?: string | null
}

export const createAffiliatesStepId = "create-affiliates"

/**
 * This step creates affiliates, each with an `affiliate.created` audit entry
 * in the same transaction. Compensation deletes them, and logs that.
 */
export const createAffiliatesStep = createStep(
  createAffiliatesStepId,
  async (input: { affiliates: CreateAffiliateInput[]; actor: AuditActor }, { container }) => {
    const created = await affiliateService(container).createAffiliatesAudited(input.affiliates, input.actor)
    return new StepResponse(created, { ids: created.map((affiliate) => affiliate.id), actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.ids?.length) {
      return
    }
    await affiliateService(container).deleteAffiliatesAudited(undo.ids, undo.actor, UNDONE_REASON)
  }
)
