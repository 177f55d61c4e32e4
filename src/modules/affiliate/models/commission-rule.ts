import { model } from "@medusajs/framework/utils"

/**
 * A commission rule (D1-D8). Scope decides where it applies, strongest first:
 * affiliate + product, affiliate, product, program. The rules engine
 * (`utils/commission-rules.ts`) picks one per line item and level.
 */
export const CommissionRule = model
  .define({ name: "CommissionRule", tableName: "affiliate_commission_rule" }, {
    id: model.id({ prefix: "afrule" }).primaryKey(),
    name: model.text().nullable(),
    scope: model.enum(["affiliate_product", "affiliate", "product", "program"]),
    kind: model.enum(["percent", "fixed_order", "fixed_lead"]).default("percent"),
    affiliate_id: model.text().nullable(),
    product_id: model.text().nullable(),
    // 0: the referring affiliate; 1: its parent; ...
    level: model.number().default(0),
    // Percent, for percent rules.
    rate: model.bigNumber().nullable(),
    // Fixed amounts by currency code, for fixed rules: { "usd": 5, "eur": 4.5 }.
    amounts: model.json().nullable(),
    // The product is out of the program.
    excluded: model.boolean().default(false),
    // [{ threshold, rate }], reached by `tier_metric` over `tier_period_days`.
    tiers: model.json().nullable(),
    tier_metric: model.enum(["paid_orders", "revenue"]).nullable(),
    tier_period_days: model.number().nullable(),
    // Days after the referral during which orders earn; null: for life.
    window_days: model.number().nullable(),
    first_order_only: model.boolean().default(false),
    new_customers_only: model.boolean().default(false),
    is_active: model.boolean().default(true),
  })
  .indexes([
    { name: "IDX_affiliate_commission_rule_scope", on: ["scope", "level"], where: "deleted_at IS NULL AND is_active = true" },
    { name: "IDX_affiliate_commission_rule_affiliate", on: ["affiliate_id"], where: "affiliate_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_affiliate_commission_rule_product", on: ["product_id"], where: "product_id IS NOT NULL AND deleted_at IS NULL" },
  ])
