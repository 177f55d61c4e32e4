import { model } from "@medusajs/framework/utils"
import { PayoutStatus } from "../types"
import { Affiliate } from "./affiliate"
import { CommissionLine } from "./commission-line"
import { PayoutBatch } from "./payout-batch"

/**
 * A payment to an affiliate in one currency. The ledger lines it settled point
 * at it, and their amounts add up to the payout's amount (to 0 once a failed
 * or canceled payout has given it back). See "How a payout moves" in
 * docs/ARCHITECTURE.md.
 */
export const Payout = model
  .define({ name: "Payout", tableName: "affiliate_payout" }, {
    id: model.id({ prefix: "afpay" }).primaryKey(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    status: model.enum(PayoutStatus).default(PayoutStatus.PENDING),
    method: model.text().default("manual"),
    // The payout provider that pays it (F6); "manual" records a payment made elsewhere.
    provider_id: model.text().default("manual"),
    external_reference: model.text().nullable(),
    note: model.text().nullable(),
    failure_reason: model.text().nullable(),
    created_by: model.text().nullable(),
    // The last status change: why, and who (an admin, a provider or a job).
    status_reason: model.text().nullable(),
    status_changed_by: model.text().nullable(),
    status_changed_at: model.dateTime().nullable(),
    processing_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    // The failed or canceled payout this one pays again.
    retry_of_id: model.text().nullable(),
    batch: model.belongsTo(() => PayoutBatch, { mappedBy: "payouts" }).nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "payouts" }),
    lines: model.hasMany(() => CommissionLine, { mappedBy: "payout" }),
  })
  .indexes([
    { name: "IDX_affiliate_payout_affiliate", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_payout_batch_id", on: ["batch_id"], where: "deleted_at IS NULL" },
    { name: "IDX_affiliate_payout_retry_of_unique", on: ["retry_of_id"], unique: true, where: "retry_of_id IS NOT NULL AND deleted_at IS NULL" },
  ])
