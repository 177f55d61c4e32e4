import { MathBN } from "@medusajs/framework/utils"
import { createHmac, timingSafeEqual } from "crypto"
import type {
  PayoutProvider,
  PayoutProviderPayout,
  PayoutProviderResult,
  PayoutRecipient,
  PayoutWebhookRequest,
  PayoutWebhookResult,
} from "../../src/types/payout-provider"

/**
 * A payout provider for development and tests (F6), with nothing behind it.
 * What happens to a payout is decided by rules on the recipient and amount:
 * - an email containing `fail_when_email_contains` ("+fail"), or an amount at
 *   or above `fail_at_or_above`, fails;
 * - an email containing `async_when_email_contains` ("+async") is taken as
 *   `processing` and ends on the next poll (`getStatus`) or a webhook: paid,
 *   or failed when the email also has the fail marker;
 * - anything else is paid at once.
 * Webhooks are signed: header `x-sandbox-signature`, the hex HMAC-SHA256 of
 * the body with `webhook_secret` (see `signSandboxWebhook`).
 */
export type SandboxOptions = {
  fail_when_email_contains?: string
  async_when_email_contains?: string
  fail_at_or_above?: number
  webhook_secret?: string
}

export const SANDBOX_SIGNATURE_HEADER = "x-sandbox-signature"

export function signSandboxWebhook(rawBody: string, secret = "sandbox-secret"): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex")
}

export default class SandboxPayoutProvider implements PayoutProvider {
  readonly identifier = "sandbox"
  protected readonly options: Required<Omit<SandboxOptions, "fail_at_or_above">> & { fail_at_or_above?: number }

  constructor(options: SandboxOptions = {}) {
    this.options = {
      fail_when_email_contains: options.fail_when_email_contains ?? "+fail",
      async_when_email_contains: options.async_when_email_contains ?? "+async",
      fail_at_or_above: options.fail_at_or_above,
      webhook_secret: options.webhook_secret ?? "sandbox-secret",
    }
  }

  async pay(payout: PayoutProviderPayout, recipient: PayoutRecipient): Promise<PayoutProviderResult> {
    const fails =
      recipient.email.includes(this.options.fail_when_email_contains) ||
      (this.options.fail_at_or_above !== undefined && MathBN.gte(payout.amount, this.options.fail_at_or_above))
    if (recipient.email.includes(this.options.async_when_email_contains)) {
      // The eventual outcome rides in the reference, so the sandbox keeps no state.
      return { status: "processing", external_reference: `sbx_${payout.id}_${fails ? "failed" : "paid"}` }
    }
    return fails
      ? { status: "failed", failure_reason: "Sandbox: the recipient's account refused the payment" }
      : { status: "paid", external_reference: `sbx_${payout.id}_paid` }
  }

  async getStatus(payout: PayoutProviderPayout): Promise<PayoutProviderResult> {
    return payout.external_reference?.endsWith("_failed")
      ? { status: "failed", failure_reason: "Sandbox: the payment bounced" }
      : { status: "paid" }
  }

  async parseWebhook(request: PayoutWebhookRequest): Promise<PayoutWebhookResult | null> {
    const raw = request.raw_body ?? JSON.stringify(request.body)
    const given = String(request.headers[SANDBOX_SIGNATURE_HEADER] ?? "")
    const expected = signSandboxWebhook(raw, this.options.webhook_secret)
    if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
      throw new Error("bad signature")
    }
    const body = (request.body ?? {}) as Record<string, unknown>
    if (!["paid", "failed"].includes(body.status as string)) {
      return null
    }
    return {
      status: body.status as "paid" | "failed",
      payout_id: typeof body.payout_id === "string" ? body.payout_id : undefined,
      external_reference: typeof body.external_reference === "string" ? body.external_reference : undefined,
      failure_reason: typeof body.failure_reason === "string" ? body.failure_reason : null,
    }
  }
}
