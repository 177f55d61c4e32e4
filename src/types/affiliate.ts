/** Partners and how a shopper came to them: the enums and read shapes other code relies on. */

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

/** An affiliate as the tracking path and the referral checks read it. */
export type AffiliateDTO = {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  customer_id: string | null
  commission_rate: number | null
  parent_id: string | null
  sales_channel_ids: string[] | null
}
