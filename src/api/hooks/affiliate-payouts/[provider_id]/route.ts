import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../../workflows/affiliate-service"
import { applyAffiliatePayoutWebhookWorkflow } from "../../../../workflows/payouts"

/**
 * A payout provider's webhook: no admin session; the provider verifies the
 * call (`parseWebhook`; 401 when it refuses it, 404 for an unknown provider).
 * Only what the provider read from it (which payout, paid or failed) goes on
 * to the workflow, never the body itself. A redelivery changes nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const providerId = req.params.provider_id
  const news = await affiliateService(req.scope).readPayoutWebhook(providerId, {
    headers: req.headers as Record<string, string | string[] | undefined>,
    body: req.body,
    raw_body: rawBody === undefined ? undefined : rawBody.toString(),
  })
  if (!news) {
    return res.json({ received: true, payout_id: null })
  }
  await applyAffiliatePayoutWebhookWorkflow(req.scope).run({ input: { provider_id: providerId, news } })
  res.json({ received: true, payout_id: news.payout_id })
}
