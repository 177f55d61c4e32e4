import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { StoreCreateReferralClickType } from "../validators"

/**
 * Records a visit that arrived with `?ref=CODE` and answers with the
 * attribution token the storefront keeps in a first-party cookie. 201 for a
 * counted click; 200 with `counted: false` for a repeat within the hour (the
 * last counted click's token) or a bot (no token).
 */
export const POST = async (
  req: MedusaRequest<StoreCreateReferralClickType>,
  res: MedusaResponse
) => {
  const salesChannelIds = (req as any).publishable_key_context?.sales_channel_ids as string[] | undefined
  const click = await affiliateService(req.scope).recordClick({
    ...req.validatedBody,
    sales_channel_id: salesChannelIds?.length === 1 ? salesChannelIds[0] : null,
    ip: req.ip,
    user_agent: req.get("user-agent"),
  })
  res.status(click.counted ? 201 : 200).json({
    referral_click: {
      id: click.click_id,
      token: click.token,
      expires_at: click.expires_at,
      counted: click.counted,
      code: click.code,
      affiliate: click.affiliate,
    },
  })
}
