export const payoutFields = [
  "id",
  "affiliate_id",
  "amount",
  "currency_code",
  "status",
  "method",
  "external_reference",
  "note",
  "created_by",
  "paid_at",
  "created_at",
]

export const listPayoutsQueryConfig = {
  defaults: payoutFields,
  allowed: payoutFields,
  defaultLimit: 20,
  isList: true,
}
