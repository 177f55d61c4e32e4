import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { describeCodeRefusal } from "../../../../../modules/affiliate/utils/code-refusal"
import { affiliateService } from "../../../../../workflows/affiliate-service"

/**
 * Looks a code up for the storefront: whose it is and whether it can be used
 * now. Only the affiliate's display name is shared with shoppers.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = affiliateService(req.scope)
  const resolved = await service.resolveCode(req.params.code)
  if (!resolved) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${req.params.code} was not found`)
  }
  const salesChannelIds = (req as any).publishable_key_context?.sales_channel_ids as string[] | undefined
  const refusal = service.codeRefusal(resolved, {
    sales_channel_id: salesChannelIds?.length === 1 ? salesChannelIds[0] : null,
  })
  res.json({
    referral_code: {
      code: resolved.typed,
      valid: !refusal,
      reason: refusal,
      message: refusal ? describeCodeRefusal(req.params.code, refusal) : null,
      expires_at: resolved.code.expires_at,
      affiliate: { name: resolved.affiliate.name },
    },
  })
}
