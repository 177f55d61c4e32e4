/**
 * What the portal warns a partner about, in order of urgency; the UI words
 * each kind in the partner's language.
 */
export type PartnerAlert =
  | { kind: "email_unverified" }
  | { kind: "application_under_review" }
  | { kind: "application_rejected" }
  | { kind: "suspended" }
  | { kind: "terms_changed"; params: { version: number } }
  | { kind: "missing_payout_details" }

export type AlertFacts = {
  status: string
  email_verified_at: Date | string | null
  terms_version: number | null
  payout_method: string | null
  /** The terms version in force, null without terms. */
  current_terms_version: number | null
}

export function partnerAlerts(facts: AlertFacts): PartnerAlert[] {
  const alerts: PartnerAlert[] = []
  if (!facts.email_verified_at) alerts.push({ kind: "email_unverified" })
  if (facts.status === "pending") alerts.push({ kind: "application_under_review" })
  if (facts.status === "rejected") alerts.push({ kind: "application_rejected" })
  if (facts.status === "suspended") alerts.push({ kind: "suspended" })
  if (facts.current_terms_version != null && facts.terms_version !== facts.current_terms_version) {
    alerts.push({ kind: "terms_changed", params: { version: facts.current_terms_version } })
  }
  if (facts.status === "active" && !facts.payout_method) alerts.push({ kind: "missing_payout_details" })
  return alerts
}
