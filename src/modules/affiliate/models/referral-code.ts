import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"

/**
 * A code a shopper types at checkout. Codes are stored upper-cased, so the
 * unique index makes them case-insensitively unique. An alias is a row of its
 * own pointing at its primary code (`alias_of_id`), and resolves to it.
 */
export const ReferralCode = model
  .define({ name: "ReferralCode", tableName: "affiliate_referral_code" }, {
    id: model.id({ prefix: "afcode" }).primaryKey(),
    code: model.text().searchable(),
    alias_of_id: model.text().nullable(),
    is_active: model.boolean().default(true),
    expires_at: model.dateTime().nullable(),
    // A Medusa promotion applied to the cart together with the code.
    promotion_id: model.text().nullable(),
    // Null: valid in every sales channel.
    sales_channel_ids: model.json().nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "codes" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      name: "IDX_affiliate_referral_code_code_unique",
      on: ["code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
