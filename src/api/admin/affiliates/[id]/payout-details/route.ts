import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../../workflows/affiliate-service"
import { AdminSetPayoutDetailsType } from "../../validators"

/**
 * A partner's payout details in full: the one read that needs them (paying
 * by hand, checking an export). Lists and the affiliate itself show them masked.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout_details: await affiliateService(req.scope).retrievePayoutDetails(req.params.id) })
}

/** Replaces a partner's payout details (validated per method); audited, masked, as `payout_details.changed`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetPayoutDetailsType>, res: MedusaResponse) => {
  const saved = await affiliateService(req.scope).setPayoutDetails({
    affiliate_id: req.params.id,
    details: req.validatedBody,
    actor: { actor_type: "user", actor_id: req.auth_context.actor_id },
  })
  res.json({ payout_details: saved })
}
