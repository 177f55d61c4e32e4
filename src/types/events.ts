/**
 * The events the plugin emits (I1), through Medusa's event bus, after the
 * change they announce is committed. Every payload carries ids only
 * (`{ id }`, plus `affiliate_id` where there is one); a subscriber reads the
 * rest through Query or the module.
 */
export const AffiliateEvents = {
  AFFILIATE_CREATED: "affiliate.created",
  AFFILIATE_APPROVED: "affiliate.approved",
  AFFILIATE_REJECTED: "affiliate.rejected",
  AFFILIATE_SUSPENDED: "affiliate.suspended",
  AFFILIATE_DEACTIVATED: "affiliate.deactivated",
  COMMISSION_CREATED: "affiliate_commission.created",
  COMMISSION_APPROVED: "affiliate_commission.approved",
  COMMISSION_REVERSED: "affiliate_commission.reversed",
  PAYOUT_CREATED: "affiliate_payout.created",
  PAYOUT_PAID: "affiliate_payout.paid",
  PAYOUT_FAILED: "affiliate_payout.failed",
  LEAD_CREATED: "affiliate_lead.created",
} as const
export type AffiliateEventName = (typeof AffiliateEvents)[keyof typeof AffiliateEvents]

/** The payload of every event above. */
export type AffiliateEventData = {
  id: string
  affiliate_id?: string
}
