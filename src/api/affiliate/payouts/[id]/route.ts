import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { lineResponse, partnerOf, payoutResponse } from "../../../utils/portal"

/** Most lines one payout shows; `lines_count` says how many it settled. */
const PAYOUT_LINES_SHOWN = 1000

/**
 * One of the partner's payouts with the lines it settled, oldest first (H6).
 * Another partner's payout is a 404 worded like an unknown one.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliateId = partnerOf(req)
  const service = affiliateService(req.scope)
  const payout = await service.retrievePartnerPayout(affiliateId, req.params.id)
  if (!payout) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${req.params.id} was not found`)
  }
  const lines = await service.listPartnerLines(
    affiliateId,
    { payout_id: payout.id },
    { limit: PAYOUT_LINES_SHOWN, offset: 0 },
    { oldestFirst: true }
  )
  res.json({ payout: { ...payoutResponse(payout), lines: lines.rows.map(lineResponse), lines_count: lines.count } })
}
