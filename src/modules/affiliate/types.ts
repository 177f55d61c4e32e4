export const AFFILIATE_MODULE = "affiliate"

export enum AffiliateStatus {
  PENDING = "pending",
  ACTIVE = "active",
  REJECTED = "rejected",
  SUSPENDED = "suspended",
  DEACTIVATED = "deactivated",
}

export enum AttributionSource {
  CODE = "code",
  LINK = "link",
  LIFETIME = "lifetime",
}

export enum CommissionType {
  SALE = "sale",
  LEAD = "lead",
  REVERSAL = "reversal",
  CLAWBACK = "clawback",
  ADJUSTMENT = "adjustment",
  BONUS = "bonus",
  WRITE_OFF = "write_off",
  /** A failed or canceled payout giving its amount back (a pair: -A on the payout, +A approved). */
  PAYOUT_RETURN = "payout_return",
}

export enum CommissionStatus {
  PENDING = "pending",
  ON_HOLD = "on_hold",
  APPROVED = "approved",
  PAID = "paid",
  REJECTED = "rejected",
}

export enum PayoutStatus {
  PENDING = "pending",
  /** The provider took it and pays later (webhook or polling says how it ended). */
  PROCESSING = "processing",
  PAID = "paid",
  FAILED = "failed",
  CANCELED = "canceled",
}

/** The balance of one affiliate in one currency, derived from the ledger. */
export type AffiliateBalance = {
  affiliate_id: string
  currency_code: string
  /** Approved lines not yet paid out, clawbacks included: what a payout would pay. */
  available: string
  /** Lines waiting for payment or the end of their hold period. */
  pending: string
  /** Settled by a payout that is not paid yet (pending or processing): in flight. */
  in_flight: string
  /** Everything paid out so far. */
  paid: string
}
