import type { SendPartnerEmailInput } from "../../emails/send-partner-email"
import type { PartnerEmailName } from "../../emails/names"

/** One email to one partner, whichever it is: what the compose steps return and the send step takes. */
export type PartnerEmail = { [N in PartnerEmailName]: SendPartnerEmailInput<N> }[PartnerEmailName]

/**
 * The partner's language, if the affiliate has one. Read loosely: the
 * `locale` column arrives with the partner accounts (issue 12), and an older
 * row has none.
 */
export function partnerLocale(affiliate: unknown): string | null {
  const locale = (affiliate as { locale?: unknown } | null)?.locale
  return typeof locale === "string" && locale ? locale : null
}
