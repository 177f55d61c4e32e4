import { model } from "@medusajs/framework/utils"

/**
 * A signup under attribution (C9): a customer account created while a code or
 * click credited an affiliate. One per customer, so a repeated signup call
 * records nothing new. Carries the same report dimensions as a click.
 */
export const Lead = model
  .define({ name: "Lead", tableName: "affiliate_lead" }, {
    id: model.id({ prefix: "aflead" }).primaryKey(),
    affiliate_id: model.text(),
    customer_id: model.text(),
    source: model.text(),
    code_id: model.text().nullable(),
    click_id: model.text().nullable(),
    link_id: model.text().nullable(),
    sub_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    utm_campaign: model.text().nullable(),
    referred_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_affiliate_lead_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_affiliate_lead_affiliate_created", on: ["affiliate_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_affiliate_lead_updated", on: ["updated_at"] },
  ])
