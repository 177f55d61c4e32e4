import { model } from "@medusajs/framework/utils"
import { CommissionStatus, CommissionType } from "../types"
import { Affiliate } from "./affiliate"
import { Payout } from "./payout"

/**
 * One line of the append-only commission ledger. Amounts are signed and never
 * edited; a reversal or clawback is a new negative line that points at the line
 * it reverses. Balances are sums over these rows, never a stored counter.
 */
export const CommissionLine = model
  .define({ name: "CommissionLine", tableName: "affiliate_commission_line" }, {
    id: model.id({ prefix: "afcom" }).primaryKey(),
    type: model.enum(CommissionType),
    status: model.enum(CommissionStatus).default(CommissionStatus.PENDING),
    amount: model.bigNumber(),
    currency_code: model.text(),
    // What the rate was applied to, and the rate (percent) itself.
    base_amount: model.bigNumber().nullable(),
    rate: model.bigNumber().nullable(),
    // Which rule produced the amount, e.g. "program_default" or "affiliate".
    rule: model.text().nullable(),
    // 0 = the referring affiliate, 1 = its parent, ...
    level: model.number().default(0),
    source: model.text().nullable(),
    order_id: model.text().nullable(),
    attribution_id: model.text().nullable(),
    // The line this one reverses, and what caused it (e.g. "order_canceled").
    reverses_id: model.text().nullable(),
    reference: model.text().nullable(),
    paid_by_customer_at: model.dateTime().nullable(),
    hold_until: model.dateTime().nullable(),
    approved_at: model.dateTime().nullable(),
    reason: model.text().nullable(),
    created_by: model.text().nullable(),
    // The last status change made by hand: why, and by which admin.
    status_reason: model.text().nullable(),
    status_changed_by: model.text().nullable(),
    status_changed_at: model.dateTime().nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "commission_lines" }),
    payout: model.belongsTo(() => Payout, { mappedBy: "lines" }).nullable(),
  })
  .indexes([
    {
      // One sale line per order, affiliate and level, whatever arrives twice.
      name: "IDX_affiliate_commission_line_sale_unique",
      on: ["order_id", "affiliate_id", "level"],
      unique: true,
      where: "type = 'sale' AND deleted_at IS NULL",
    },
    {
      // One reversal per reversed line and cause.
      name: "IDX_affiliate_commission_line_reversal_unique",
      on: ["reverses_id", "reference"],
      unique: true,
      where: "reverses_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      // One write-off per affiliate, currency and period (F5).
      name: "IDX_affiliate_commission_line_write_off_unique",
      on: ["affiliate_id", "currency_code", "reference"],
      unique: true,
      where: "type = 'write_off' AND deleted_at IS NULL",
    },
    {
      // Covers an affiliate's balances (every amount by currency and status),
      // summed from the index alone; and the lines a payout settles.
      name: "IDX_affiliate_commission_line_ledger",
      on: ["affiliate_id", "currency_code", "status", "payout_id", "amount"],
      where: "deleted_at IS NULL",
    },
    { name: "IDX_affiliate_commission_line_order", on: ["order_id"], where: "order_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_affiliate_commission_line_due", on: ["status", "hold_until"], where: "deleted_at IS NULL" },
    { name: "IDX_affiliate_commission_line_updated", on: ["updated_at"] },
    { name: "IDX_affiliate_commission_line_affiliate_created", on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
  ])
