export const commissionRuleFields = [
  "id",
  "name",
  "scope",
  "kind",
  "affiliate_id",
  "product_id",
  "level",
  "rate",
  "amounts",
  "excluded",
  "tiers",
  "tier_metric",
  "tier_period_days",
  "window_days",
  "first_order_only",
  "new_customers_only",
  "is_active",
  "created_at",
  "updated_at",
]

export const listCommissionRulesQueryConfig = {
  defaults: commissionRuleFields,
  allowed: commissionRuleFields,
  defaultLimit: 50,
  isList: true,
}
