/**
 * Why an attributed order earned nothing, in words, for each `rejection_reason`
 * an attribution can carry (see `prepare-order-accrual.ts` and `ledger/accrual.ts`).
 */
const REJECTION_REASONS: Record<string, string> = {
  attribution_expired: "The referral was older than the program's attribution window when the order was placed.",
  affiliate_not_active: "The partner was not active (pending, suspended, rejected or deactivated) when the order was placed.",
  sales_channel_not_allowed: "The order came through a sales channel this partner may not earn in.",
  no_commission: "The referral was accepted, but no commission rule pays anything on this order.",
  self_referral: "The partner referred their own order.",
}

export function describeRejection(reason: string): string {
  return REJECTION_REASONS[reason] ?? `The order earned nothing (${reason.replace(/_/g, " ")}).`
}

export const SOURCE_LABELS: Record<string, string> = {
  code: "Referral code",
  link: "Referral link",
  lifetime: "Lifetime (returning customer)",
}
