import { model } from "@medusajs/framework/utils"

/**
 * One tracked visit. Narrow and append-only: it is the table that grows
 * fastest, so it holds ids rather than relations, and no raw IP or user agent.
 */
export const Click = model
  .define({ name: "Click", tableName: "affiliate_click" }, {
    id: model.id({ prefix: "afclk" }).primaryKey(),
    affiliate_id: model.text(),
    code_id: model.text().nullable(),
    landing_url: model.text().nullable(),
    referrer: model.text().nullable(),
    utm_source: model.text().nullable(),
    utm_medium: model.text().nullable(),
    utm_campaign: model.text().nullable(),
    utm_term: model.text().nullable(),
    utm_content: model.text().nullable(),
    sub_id: model.text().nullable(),
    link_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    ip_hash: model.text().nullable(),
    user_agent_hash: model.text().nullable(),
    // Salted hash of IP + user agent: one visitor, for unique counts and dedupe.
    visitor_hash: model.text().nullable(),
    // Visitor, code, sub-id and clock hour: two requests at once are counted once.
    dedupe_key: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_affiliate_click_affiliate_created", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_click_visitor", on: ["affiliate_id", "visitor_hash", "created_at"] },
    { name: "IDX_affiliate_click_created", on: ["created_at"] },
    { name: "IDX_affiliate_click_ip_created", on: ["ip_hash", "created_at"], where: "ip_hash IS NOT NULL" },
    {
      name: "IDX_affiliate_click_dedupe_unique",
      on: ["dedupe_key"],
      unique: true,
      where: "dedupe_key IS NOT NULL",
    },
  ])
