import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { partnerOf, payoutResponse } from "../../utils/portal"
import { type AffiliateGetPayoutsParamsType, statusList } from "./validators"

/** The partner's payouts (H6), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetPayoutsParamsType>, res: MedusaResponse) => {
  const { status, limit, offset } = req.validatedQuery as AffiliateGetPayoutsParamsType
  const { rows, count } = await affiliateService(req.scope).listPartnerPayouts(
    partnerOf(req),
    { status: statusList(status) },
    { limit, offset }
  )
  res.json({ payouts: rows.map(payoutResponse), count, offset, limit })
}
