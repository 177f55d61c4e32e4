import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { maskPayoutDetails } from "../../../../modules/affiliate/payout-details/mask"
import type { StoredPayoutDetails } from "../../../../modules/affiliate/payout-details/store"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { SetOwnPayoutDetailsType } from "../../validators"

/** The partner's own details, masked: a stolen session doesn't reveal where the money goes. */
const masked = (stored: StoredPayoutDetails) => ({
  payout_method: stored.payout_method,
  payout_details: maskPayoutDetails(stored.payout_details),
  payout_details_updated_at: stored.payout_details_updated_at,
})

/** The signed-in partner's payout details (masked). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout_details: masked(await affiliateService(req.scope).retrievePayoutDetails(req.auth_context.actor_id)) })
}

/** Replaces the signed-in partner's own payout details; audited with the partner as the actor. */
export const POST = async (req: AuthenticatedMedusaRequest<SetOwnPayoutDetailsType>, res: MedusaResponse) => {
  const saved = await affiliateService(req.scope).setPayoutDetails({
    affiliate_id: req.auth_context.actor_id,
    details: req.validatedBody,
    actor: { actor_type: "affiliate", actor_id: req.auth_context.actor_id },
  })
  res.json({ payout_details: masked(saved) })
}
