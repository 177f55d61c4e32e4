import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MANUAL_PROVIDER_ID } from "../../../modules/affiliate/payouts/providers"
import { affiliateService } from "../../../workflows/affiliate-service"

/**
 * The payout providers a payout can go through (F6): `manual` (a payment
 * made elsewhere, recorded as paid) first, then those registered in the
 * plugin's options. What the admin's pay drawer offers as methods.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const ids = affiliateService(req.scope).listPayoutProviderIds()
  const ordered = [MANUAL_PROVIDER_ID, ...ids.filter((id) => id !== MANUAL_PROVIDER_ID).sort()]
  res.json({
    payout_providers: ordered.map((id) => ({ id, is_default: id === MANUAL_PROVIDER_ID })),
    count: ordered.length,
  })
}
