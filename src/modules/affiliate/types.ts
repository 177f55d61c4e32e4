// The enums and DTOs live in `src/types/`; they are re-exported here so the module's own
// files (and older imports) keep one short path.
export { AffiliateStatus, AttributionSource } from "../../types/affiliate"
export { CommissionStatus, CommissionType } from "../../types/ledger"
export type { AffiliateBalance } from "../../types/ledger"

export const AFFILIATE_MODULE = "affiliate"

export enum PayoutStatus {
  PENDING = "pending",
  /** The provider took it and pays later (webhook or polling says how it ended). */
  PROCESSING = "processing",
  PAID = "paid",
  FAILED = "failed",
  CANCELED = "canceled",
}
