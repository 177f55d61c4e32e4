import { model } from "@medusajs/framework/utils"

/**
 * A short redirect link (`/r/CODE` or `/r/CODE/SUBID`, C1 and C8): one of an
 * affiliate's channels, with where it leads and the UTM tags it adds. Clicks,
 * leads and orders that came through it carry its id into the reports.
 */
export const ReferralLink = model
  .define({ name: "ReferralLink", tableName: "affiliate_referral_link" }, {
    id: model.id({ prefix: "aflink" }).primaryKey(),
    affiliate_id: model.text(),
    code_id: model.text(),
    // Null: the code's own link, `/r/CODE`.
    sub_id: model.text().nullable(),
    name: model.text().nullable(),
    // Absolute URL or a path on the store; null: the store's URL.
    target_url: model.text().nullable(),
    utm_source: model.text().nullable(),
    utm_medium: model.text().nullable(),
    utm_campaign: model.text().nullable(),
    utm_term: model.text().nullable(),
    utm_content: model.text().nullable(),
    is_active: model.boolean().default(true),
  })
  .indexes([
    {
      name: "IDX_affiliate_referral_link_code_sub_unique",
      on: ["code_id", "sub_id"],
      unique: true,
      where: "sub_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_affiliate_referral_link_code_unique",
      on: ["code_id"],
      unique: true,
      where: "sub_id IS NULL AND deleted_at IS NULL",
    },
    { name: "IDX_affiliate_referral_link_affiliate", on: ["affiliate_id"], where: "deleted_at IS NULL" },
  ])
