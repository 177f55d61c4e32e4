/** The payout events a module operation caused, for its workflow to emit once it committed. */
export type PayoutEventData = { id: string; affiliate_id: string }

export type PayoutEvents = {
  created: PayoutEventData[]
  paid: PayoutEventData[]
  failed: PayoutEventData[]
}

export function emptyPayoutEvents(): PayoutEvents {
  return { created: [], paid: [], failed: [] }
}

/** Where a payout stands after its provider was asked. */
export type SentPayout = {
  id: string
  affiliate_id: string
  status: "pending" | "processing" | "paid" | "failed" | "canceled"
  failure_reason?: string | null
  /** False when the payout had already moved (e.g. canceled meanwhile). */
  changed: boolean
}

/** What a provider said about one payout (from a webhook), for the workflow that applies it. */
export type PayoutNews = {
  payout_id: string
  affiliate_id: string
  result: { status: "paid" | "processing" | "failed"; external_reference?: string | null; failure_reason?: string | null }
}
