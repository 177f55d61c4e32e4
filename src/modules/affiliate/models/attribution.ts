import { model } from "@medusajs/framework/utils"
import { AttributionSource } from "../types"
import { Affiliate } from "./affiliate"

/**
 * Who gets credit for a cart and, once the cart becomes an order, for that
 * order. Kept here, keyed by cart id, because `cart.metadata` is writable by
 * the shopper and can't be trusted.
 */
export const Attribution = model
  .define({ name: "Attribution", tableName: "affiliate_attribution" }, {
    id: model.id({ prefix: "afattr" }).primaryKey(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    source: model.enum(AttributionSource),
    code_id: model.text().nullable(),
    code: model.text().nullable(),
    click_id: model.text().nullable(),
    // When the shopper was referred: the click's time, or when the code was applied.
    referred_at: model.dateTime(),
    // Report dimensions, copied from the click or code when the cart was attributed.
    link_id: model.text().nullable(),
    sub_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    utm_campaign: model.text().nullable(),
    // The order, once placed: when, its total and currency, for the reports.
    ordered_at: model.dateTime().nullable(),
    order_total: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    // Set when the order was attributed but earns nothing, e.g. "self_referral".
    rejection_reason: model.text().nullable(),
    // The order version its commission was last priced at (accrual or edit):
    // a confirmed edit of a later version still has to be re-priced.
    priced_version: model.number().nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "attributions" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_attribution_cart_unique",
      on: ["cart_id"],
      unique: true,
      where: "cart_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_affiliate_attribution_order_unique",
      on: ["order_id"],
      unique: true,
      where: "order_id IS NOT NULL AND deleted_at IS NULL",
    },
    { name: "IDX_affiliate_attribution_updated", on: ["updated_at"] },
    {
      // The report refresh recomputes an affiliate's orders of one day.
      name: "IDX_affiliate_attribution_affiliate_ordered",
      on: ["affiliate_id", "ordered_at"],
      where: "ordered_at IS NOT NULL AND deleted_at IS NULL",
    },
    {
      // Reconciliation: the accepted orders of the look-back window, paged.
      name: "IDX_affiliate_attribution_accepted_ordered",
      on: ["ordered_at", "order_id"],
      where: "order_id IS NOT NULL AND rejection_reason IS NULL AND deleted_at IS NULL",
    },
  ])
