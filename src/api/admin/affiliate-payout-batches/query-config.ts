import { payoutFields } from "../affiliate-payouts/query-config"

export const payoutBatchFields = [
  "id",
  "currency_code",
  "provider_id",
  "note",
  "affiliate_ids",
  "failures",
  "schedule_period",
  "created_by",
  "created_at",
]

export const listPayoutBatchesQueryConfig = {
  defaults: payoutBatchFields,
  allowed: payoutBatchFields,
  defaultLimit: 20,
  isList: true,
}

/** A batch with its payouts. */
export const payoutBatchDetailFields = [...payoutBatchFields, ...payoutFields.map((field) => `payouts.${field}`)]
