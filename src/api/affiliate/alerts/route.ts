import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"

/** What the portal's banner warns the partner about (kinds; the portal words them). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ alerts: await affiliateService(req.scope).listPartnerAlerts(req.auth_context.actor_id, new Date()) })
}
