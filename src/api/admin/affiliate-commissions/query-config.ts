export const commissionLineFields = [
  "id",
  "type",
  "status",
  "amount",
  "currency_code",
  "base_amount",
  "rate",
  "rule",
  "level",
  "source",
  "order_id",
  "attribution_id",
  "affiliate_id",
  "payout_id",
  "reverses_id",
  "reference",
  "paid_by_customer_at",
  "hold_until",
  "approved_at",
  "reason",
  "created_by",
  "status_reason",
  "status_changed_by",
  "status_changed_at",
  "created_at",
]

/**
 * What a list may ask for besides the line itself (`fields=+affiliate.name,+payout.status`):
 * the partner's name for each row and the payout a line was settled in, so that
 * the admin's ledger and its line details need no second request per row.
 */
export const commissionLineRelationFields = [
  "affiliate.id",
  "affiliate.name",
  "affiliate.email",
  "payout.id",
  "payout.status",
  "payout.method",
  "payout.external_reference",
  "payout.paid_at",
  "payout.created_at",
]

export const listCommissionLinesQueryConfig = {
  defaults: commissionLineFields,
  allowed: [...commissionLineFields, ...commissionLineRelationFields],
  defaultLimit: 50,
  isList: true,
}
