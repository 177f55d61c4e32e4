import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"

/** The signed-in partner's own profile and codes. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate = await affiliateService(req.scope).retrieveAffiliate(req.auth_context.actor_id, {
    select: ["id", "name", "email", "company", "website", "status", "payout_method", "created_at"],
    relations: ["codes"],
  })
  res.json({
    affiliate: {
      ...affiliate,
      codes: (affiliate as any).codes.map((code: any) => ({
        id: code.id,
        code: code.code,
        alias_of_id: code.alias_of_id,
        is_active: code.is_active,
        expires_at: code.expires_at,
      })),
    },
  })
}
