import { model } from "@medusajs/framework/utils"

/**
 * Promotional material partners copy (G8): a banner (an image stored through
 * Medusa's File Module, kept here as the file's id and public URL), a text
 * link, or an HTML snippet. General when `product_id` is null, else about one
 * product. Only active ones are offered in the partner portal.
 */
export const AffiliateCreative = model
  .define({ name: "AffiliateCreative", tableName: "affiliate_creative" }, {
    id: model.id({ prefix: "afcre" }).primaryKey(),
    type: model.enum(["banner", "text_link", "html"]),
    name: model.text().searchable(),
    // Null: a general creative, for the whole store.
    product_id: model.text().nullable(),
    // Banners: the File Module's file id and its public URL.
    image_file_id: model.text().nullable(),
    image_url: model.text().nullable(),
    // Text links: the words partners link.
    link_text: model.text().searchable().nullable(),
    // HTML snippets: shown to partners as text to copy, never rendered by the admin.
    html: model.text().nullable(),
    // A path on the store or an absolute URL on its domain; null: the product's landing page or the store.
    landing_url: model.text().nullable(),
    is_active: model.boolean().default(true),
  })
  .indexes([
    { name: "IDX_affiliate_creative_product", on: ["product_id"], where: "product_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_affiliate_creative_active", on: ["is_active", "type"], where: "deleted_at IS NULL" },
  ])
