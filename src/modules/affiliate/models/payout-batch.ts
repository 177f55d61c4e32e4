import { model } from "@medusajs/framework/utils"
import { Payout } from "./payout"

/**
 * One run of batch payouts (F3) in one currency: the payouts it made, and the
 * partners it could not pay (`failures`: `{ affiliate_id, payout_id?, message }`).
 */
export const PayoutBatch = model.define(
  { name: "PayoutBatch", tableName: "affiliate_payout_batch" },
  {
    id: model.id({ prefix: "afpbat" }).primaryKey(),
    currency_code: model.text(),
    provider_id: model.text().default("manual"),
    note: model.text().nullable(),
    // The partners asked for; null: every partner due a payout.
    affiliate_ids: model.json().nullable(),
    failures: model.json().default([] as any),
    // "2026-12" when the monthly schedule ran it.
    schedule_period: model.text().nullable(),
    created_by: model.text().nullable(),
    payouts: model.hasMany(() => Payout, { mappedBy: "batch" }),
  }
)
