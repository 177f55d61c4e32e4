import { model } from "@medusajs/framework/utils"

/**
 * Lifetime attribution (C6): a customer belongs to the affiliate of their
 * first attributed order. One row per customer, enforced by a unique index,
 * so the first binding wins even when two orders race.
 */
export const CustomerBinding = model
  .define({ name: "CustomerBinding", tableName: "affiliate_customer_binding" }, {
    id: model.id({ prefix: "afbind" }).primaryKey(),
    customer_id: model.text(),
    affiliate_id: model.text(),
    // When the customer was first referred: the start of any commission window.
    referred_at: model.dateTime(),
    order_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_affiliate_customer_binding_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_affiliate_customer_binding_affiliate", on: ["affiliate_id"], where: "deleted_at IS NULL" },
  ])
