/**
 * Payout providers (F6), in the style of Medusa's module providers: the
 * plugin calls `pay` once per payout and records what it answers. A provider
 * that pays later answers `processing`; then `getStatus` (polled by the
 * `poll-affiliate-payouts` job) or `parseWebhook` (called by
 * `POST /hooks/affiliate-payouts/:provider_id`) says how it ended.
 * See docs/PAYOUT-PROVIDERS.md for an example.
 */

/** What a provider is told about the payout it pays. Amounts are decimal strings, exact. */
export type PayoutProviderPayout = {
  id: string
  affiliate_id: string
  amount: string
  currency_code: string
  method: string
  external_reference: string | null
  note: string | null
}

/** Who is paid: the partner and the payout details stored on it. */
export type PayoutRecipient = {
  id: string
  name: string
  email: string
  payout_method: string | null
  payout_details: Record<string, unknown> | null
}

export type PayoutProviderResult = {
  /** `paid`: done; `processing`: the provider pays later; `failed`: nothing was paid. */
  status: "paid" | "processing" | "failed"
  /** The provider's id for the payment, kept on the payout. */
  external_reference?: string | null
  /** Why it failed, kept on the payout. */
  failure_reason?: string | null
}

/** What a webhook says about one payout, found by its id or the provider's reference. */
export type PayoutWebhookResult = PayoutProviderResult & {
  payout_id?: string
}

/** The request a webhook route hands to the provider, which verifies it. */
export type PayoutWebhookRequest = {
  headers: Record<string, string | string[] | undefined>
  /** The parsed JSON body. */
  body: unknown
  /** The body as it arrived, for a signature over its bytes. */
  raw_body?: string
}

export interface PayoutProvider {
  /** The provider's kind, e.g. "sandbox" or "paypal". */
  readonly identifier: string
  /**
   * Pays one payout. Throw only when nothing can have been sent (the payout
   * is then failed with the error's message); when in doubt, answer
   * `processing` and say later through `getStatus` or a webhook.
   */
  pay(payout: PayoutProviderPayout, recipient: PayoutRecipient): Promise<PayoutProviderResult>
  /** How a `processing` payout stands now; answer `processing` while it still is. */
  getStatus?(payout: PayoutProviderPayout): Promise<PayoutProviderResult>
  /**
   * Reads a webhook call; throws when it can't be verified (the route answers
   * 401). May return null for a notification that concerns no payout.
   */
  parseWebhook?(request: PayoutWebhookRequest): Promise<PayoutWebhookResult | null>
}

/** How a provider is registered in the plugin's options. */
export type PayoutProviderRegistration = {
  /** A module path (absolute, or relative to the project) whose default export is the provider's class. */
  resolve: string
  /** The id payouts name (`provider_id`); unique; "manual" is taken. */
  id: string
  /** Passed to the provider's constructor. */
  options?: Record<string, unknown>
}

/** A provider's class: constructed once at boot with its options. */
export type PayoutProviderClass = new (options: Record<string, unknown>) => PayoutProvider
