import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { listOf, partnerOf, payoutResponse } from "../../utils/portal"
import type { AffiliateGetPayoutsParamsType } from "./validators"

/** The partner's payouts (H6), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetPayoutsParamsType>, res: MedusaResponse) => {
  const { status, limit, offset } = req.validatedQuery as AffiliateGetPayoutsParamsType
  const { rows, count } = await affiliateService(req.scope).listPartnerPayouts(
    partnerOf(req),
    { status: listOf(status) },
    { limit, offset }
  )
  res.json({ payouts: rows.map(payoutResponse), count, offset, limit })
}
