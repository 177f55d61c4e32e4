import { model } from "@medusajs/framework/utils"

/**
 * How a product shows in the partner portal (D8): whether partners see it and
 * the page their links to it land on. Whether it *earns* is not here: a
 * product out of the program is a product-scope commission rule with
 * `excluded: true`, which the rules engine alone decides. No row: visible,
 * landing on the store's product page.
 */
export const ProductParticipation = model
  .define({ name: "ProductParticipation", tableName: "affiliate_product_participation" }, {
    id: model.id({ prefix: "afprod" }).primaryKey(),
    product_id: model.text(),
    visible_in_portal: model.boolean().default(true),
    // A path on the store or an absolute URL on its domain; null: the product's page.
    landing_url: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_affiliate_product_participation_product_unique",
      on: ["product_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
