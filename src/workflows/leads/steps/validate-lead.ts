import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RecordLeadInput } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"
import { isSelfReferral, ReferralEvidence, resolveReferral } from "../../referrals/utils/resolve-referral"

export type LeadCustomer = { id: string; email: string | null; created_at: string | Date }

export type ValidatedLead = {
  /** The customer's lead when one was already recorded: nothing more to do. */
  existing_id: string | null
  lead: (RecordLeadInput["lead"] & { referred_at: Date }) | null
  /** Why the lead's commission waits for review (E7), or null. */
  hold_reason: string | null
}

// A code typed at sign-up credits an account created within this long.
const CODE_SIGNUP_GRACE_MS = 24 * 3_600_000

export const validateLeadStepId = "validate-affiliate-lead"

/**
 * This step checks that a customer account was created under attribution
 * (C9): the referral (a code, or a click token) is valid, and the account is
 * new: created after the click (within the attribution window), or within a
 * day of typing a code. A customer has one lead; asking again returns it.
 */
export const validateLeadStep = createStep(
  validateLeadStepId,
  async (
    input: { customer: LeadCustomer; evidence: ReferralEvidence; sales_channel_id: string | null },
    { container }
  ) => {
    const service = affiliateService(container)
    const [existing] = await service.listLeads({ customer_id: input.customer.id }, { take: 1 })
    if (existing) {
      return new StepResponse<ValidatedLead>({ existing_id: existing.id, lead: null, hold_reason: null })
    }

    const now = new Date()
    const referral = await resolveReferral(container, input.evidence, {
      now,
      sales_channel_id: input.sales_channel_id,
    })
    const signedUpAt = new Date(input.customer.created_at).getTime()
    const earliest = input.evidence.code ? now.getTime() - CODE_SIGNUP_GRACE_MS : referral.referred_at.getTime()
    if (signedUpAt < earliest) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "customer: the account was created before the referral, so it is not a referred sign-up"
      )
    }

    return new StepResponse<ValidatedLead>({
      existing_id: null,
      lead: {
        affiliate_id: referral.affiliate.id,
        customer_id: input.customer.id,
        source: referral.source,
        code_id: referral.code_id,
        click_id: referral.click_id,
        link_id: referral.link_id,
        sub_id: referral.sub_id,
        sales_channel_id: input.sales_channel_id,
        utm_campaign: referral.utm_campaign,
        referred_at: referral.referred_at,
      },
      hold_reason: isSelfReferral({ customer_id: input.customer.id, email: input.customer.email }, referral.affiliate)
        ? "self_referral"
        : null,
    })
  }
)
