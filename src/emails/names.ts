/**
 * The emails the plugin sends partners (I2), by name. A store maps a name to
 * its provider's template id with the `emails.templates` option; without
 * one the template id is `affiliate-<name with dashes>` (e.g.
 * `affiliate-password-reset`).
 */
export const PARTNER_EMAILS = [
  "invitation",
  "verify_email",
  "password_reset",
  "application_received",
  "approved",
  "rejected",
  "commission_created",
  "payout_sent",
] as const
export type PartnerEmailName = (typeof PARTNER_EMAILS)[number]

/** What every email's template is given, besides its own fields. */
export type PartnerEmailBase = {
  /** The partner's name, when known. */
  name?: string | null
  /** The portal's public address (option `portal.url`). */
  portal_url: string
}

/** Each email's own fields. Links are absolute and carry their one-time token. */
export type PartnerEmailData = {
  invitation: PartnerEmailBase & { link: string; expires_at: string; invited_by?: string | null }
  verify_email: PartnerEmailBase & { link: string; expires_at: string }
  password_reset: PartnerEmailBase & { link: string }
  application_received: PartnerEmailBase
  approved: PartnerEmailBase & { code?: string | null }
  rejected: PartnerEmailBase & { reason?: string | null }
  commission_created: PartnerEmailBase & { amount: string; currency_code: string; order_display_id?: string | number | null }
  payout_sent: PartnerEmailBase & { amount: string; currency_code: string; reference?: string | null }
}

export const EMAIL_LOCALES = ["en", "ru"] as const
export type EmailLocale = (typeof EMAIL_LOCALES)[number]

/** `ru-RU` → `ru`; anything not shipped → `en`. */
export function emailLocale(locale?: string | null): EmailLocale {
  const language = (locale ?? "").slice(0, 2).toLowerCase()
  return (EMAIL_LOCALES as readonly string[]).includes(language) ? (language as EmailLocale) : "en"
}
