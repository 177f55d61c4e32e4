import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { backendUrl, partnerOf } from "../../utils/portal"

/** The partner's codes with their aliases and the link to share (`/r/CODE` on this server) (H3). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const backend = backendUrl(service.getOptions())
  const codes = await service.listPartnerCodes(partnerOf(req))
  res.json({
    codes: codes.map((code) => ({ ...code, share_url: `${backend}/r/${encodeURIComponent(code.code)}` })),
  })
}
