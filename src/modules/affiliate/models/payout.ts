import { model } from "@medusajs/framework/utils"
import { PayoutStatus } from "../types"
import { Affiliate } from "./affiliate"
import { CommissionLine } from "./commission-line"

/**
 * A payment to an affiliate in one currency. The ledger lines it settled point
 * at it, and their amounts add up to the payout's amount.
 */
export const Payout = model
  .define({ name: "Payout", tableName: "affiliate_payout" }, {
    id: model.id({ prefix: "afpay" }).primaryKey(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    status: model.enum(PayoutStatus).default(PayoutStatus.PAID),
    method: model.text().default("manual"),
    external_reference: model.text().nullable(),
    note: model.text().nullable(),
    created_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "payouts" }),
    lines: model.hasMany(() => CommissionLine, { mappedBy: "payout" }),
  })
  .indexes([{ name: "IDX_affiliate_payout_affiliate", on: ["affiliate_id", "created_at"] }])
