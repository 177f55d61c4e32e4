import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { recordLeadWorkflow } from "../../../../workflows/leads"
import { StoreCreateReferralLeadType } from "../validators"

/**
 * Records the logged-in customer's sign-up as a lead of the affiliate who
 * referred them (C9). The storefront calls it right after registering, with
 * the click token it kept or the code typed at sign-up. 201 for a new lead,
 * 200 with the first one when the customer already has one.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateReferralLeadType>,
  res: MedusaResponse
) => {
  const salesChannelIds = (req as any).publishable_key_context?.sales_channel_ids as string[] | undefined
  const { result } = await recordLeadWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      customer_id: req.auth_context.actor_id,
      sales_channel_id: salesChannelIds?.length === 1 ? salesChannelIds[0] : null,
    },
  })
  const service = affiliateService(req.scope)
  const lead = await service.retrieveLead(result.lead_id)
  const affiliate = await service.retrieveAffiliate(lead.affiliate_id, { select: ["name"] })
  res.status(result.created ? 201 : 200).json({
    referral_lead: {
      id: lead.id,
      source: lead.source,
      referred_at: lead.referred_at,
      created_at: lead.created_at,
      affiliate: { name: affiliate.name },
    },
  })
}
