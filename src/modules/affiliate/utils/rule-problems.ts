/**
 * What makes a commission rule not hold together, as pure code with no
 * imports: the API's validators refuse these, and the admin's rule form
 * imports the same function to refuse them before sending (one
 * implementation). Each problem names the field at fault.
 */

export type RuleShapeForProblems = {
  scope?: "affiliate_product" | "affiliate" | "product" | "program" | null
  kind?: "percent" | "fixed_order" | "fixed_lead" | null
  affiliate_id?: string | null
  product_id?: string | null
  level?: number | null
  rate?: number | null
  amounts?: Record<string, number> | null
  excluded?: boolean | null
  tiers?: { threshold: number; rate: number }[] | null
  tier_metric?: "paid_orders" | "revenue" | null
  tier_period_days?: number | null
}

export type RuleProblem = { path: string; message: string }

export function ruleProblems(rule: RuleShapeForProblems): RuleProblem[] {
  const problems: RuleProblem[] = []
  const issue = (path: string, message: string) => problems.push({ path, message })
  const needsAffiliate = rule.scope === "affiliate" || rule.scope === "affiliate_product"
  const needsProduct = rule.scope === "product" || rule.scope === "affiliate_product"
  if (rule.scope) {
    if (needsAffiliate && !rule.affiliate_id) issue("affiliate_id", `affiliate_id is required for a ${rule.scope} rule`)
    if (!needsAffiliate && rule.affiliate_id) issue("affiliate_id", `affiliate_id must not be set on a ${rule.scope} rule`)
    if (needsProduct && !rule.product_id) issue("product_id", `product_id is required for a ${rule.scope} rule`)
    if (!needsProduct && rule.product_id) issue("product_id", `product_id must not be set on a ${rule.scope} rule`)
    if (rule.excluded && !needsProduct) issue("excluded", "excluded applies only to product rules")
    // A fixed amount is paid per order or per lead, never per line item: a
    // product rule of that kind would only silence the percent rules below it.
    if (needsProduct && !rule.excluded && rule.kind && rule.kind !== "percent") {
      issue("kind", `kind ${rule.kind} pays per order or lead, not per product: use it on a program or affiliate rule`)
    }
  }
  if (rule.kind === "fixed_lead" && (rule.level ?? 0) !== 0) {
    issue("level", "level must be 0 for a fixed_lead rule: only the referring affiliate earns for a lead")
  }
  if (!rule.excluded) {
    if (rule.kind === "percent" && rule.rate == null) issue("rate", "rate is required for a percent rule")
    if (rule.kind && rule.kind !== "percent" && !rule.amounts) issue("amounts", `amounts is required for a ${rule.kind} rule`)
  }
  if (rule.tiers?.length && !rule.tier_metric) issue("tier_metric", "tier_metric is required with tiers")
  if (rule.tiers?.length && rule.kind && rule.kind !== "percent") issue("tiers", "tiers apply only to percent rules")
  return problems
}
