import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyAffiliatePayoutWebhookWorkflow } from "../../../../workflows/payouts"

/**
 * A payout provider's webhook: no admin session; the provider verifies the
 * call (`parseWebhook`; 401 when it refuses it). Marks the payout paid or
 * failed; a redelivery changes nothing and emits nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const { result } = await applyAffiliatePayoutWebhookWorkflow(req.scope).run({
    input: {
      provider_id: req.params.provider_id,
      request: {
        headers: req.headers as Record<string, string | string[] | undefined>,
        body: req.body,
        raw_body: rawBody === undefined ? undefined : rawBody.toString(),
      },
    },
  })
  res.json({ received: true, paid: result.paid.length, failed: result.failed.length })
}
