import type { PayoutEvents, SentPayout } from "../../../modules/affiliate/payouts"

/** The events of payouts a provider's answer moved (processing announces nothing). */
export function eventsOf(moved: (SentPayout | null)[], created: SentPayout[] = []): PayoutEvents {
  const ids = (sent: SentPayout) => ({ id: sent.id, affiliate_id: sent.affiliate_id })
  const changed = moved.filter((sent): sent is SentPayout => !!sent?.changed)
  return {
    created: created.map(ids),
    paid: changed.filter((sent) => sent.status === "paid").map(ids),
    failed: changed.filter((sent) => sent.status === "failed").map(ids),
  }
}
