import { EMAIL_WALLETS, PayoutDetails } from "./types"

const DOTS = "••••"

/** The last four characters behind dots: "•••• 3000". Short values are hidden whole. */
export function maskTail(value: string): string {
  const compact = value.replace(/\s+/g, "")
  return compact.length > 6 ? `${DOTS} ${compact.slice(-4)}` : DOTS
}

/** The first letter of the local part and the domain: "j•••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@")
  if (at < 1) return DOTS
  return `${email[0]}•••${email.slice(at)}`
}

/**
 * Payout details as lists, the partner's own view and the audit log show them:
 * what identifies the money's destination (account number, IBAN, wallet,
 * email, free-text instructions) masked, the rest (method, holder, bank,
 * country, network) as it is. Details of an unknown shape (stored before
 * validation existed) have every string masked. Never throws.
 */
export function maskPayoutDetails(details: unknown): Record<string, unknown> | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null
  const d = details as PayoutDetails & Record<string, unknown>
  switch (d.method) {
    case "bank_transfer":
      return {
        ...d,
        iban: d.iban ? maskTail(d.iban) : d.iban ?? null,
        account_number: d.account_number ? maskTail(d.account_number) : d.account_number ?? null,
        masked: true,
      }
    case "crypto":
      return { ...d, wallet_address: maskTail(String(d.wallet_address ?? "")), memo: d.memo ? DOTS : d.memo ?? null, masked: true }
    case "other":
      return { method: "other", instructions: DOTS, masked: true }
    default:
      if ((EMAIL_WALLETS as readonly string[]).includes(d.method as string)) {
        return { method: d.method, email: maskEmail(String((d as { email?: unknown }).email ?? "")), masked: true }
      }
      return {
        ...Object.fromEntries(Object.keys(d).map((key) => [key, key === "method" && typeof d[key] === "string" ? d[key] : DOTS])),
        masked: true,
      }
  }
}
