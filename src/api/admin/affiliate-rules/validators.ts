import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"

const percent = z.number().min(0).max(100)
const amounts = z.record(z.string().length(3), z.number().positive().finite())

const RuleFields = z.object({
  name: z.string().trim().max(255).nullish(),
  scope: z.enum(["affiliate_product", "affiliate", "product", "program"]),
  kind: z.enum(["percent", "fixed_order", "fixed_lead"]).default("percent"),
  affiliate_id: z.string().min(1).nullish(),
  product_id: z.string().min(1).nullish(),
  level: z.number().int().min(0).max(10).default(0),
  rate: percent.nullish(),
  amounts: amounts.nullish(),
  excluded: z.boolean().default(false),
  tiers: z
    .array(z.object({ threshold: z.number().nonnegative(), rate: percent }).strict())
    .max(20)
    .nullish(),
  tier_metric: z.enum(["paid_orders", "revenue"]).nullish(),
  tier_period_days: z.number().int().positive().nullish(),
  window_days: z.number().int().positive().nullish(),
  first_order_only: z.boolean().default(false),
  new_customers_only: z.boolean().default(false),
  is_active: z.boolean().default(true),
})

type RuleShape = z.infer<typeof RuleFields>

/** What is wrong with a rule across its fields, each naming the field at fault. */
export function ruleProblems(rule: Partial<RuleShape>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  const issue = (path: string, message: string) => problems.push({ path, message })
  const needsAffiliate = rule.scope === "affiliate" || rule.scope === "affiliate_product"
  const needsProduct = rule.scope === "product" || rule.scope === "affiliate_product"
  if (rule.scope) {
    if (needsAffiliate && !rule.affiliate_id) issue("affiliate_id", `affiliate_id is required for a ${rule.scope} rule`)
    if (!needsAffiliate && rule.affiliate_id) issue("affiliate_id", `affiliate_id must not be set on a ${rule.scope} rule`)
    if (needsProduct && !rule.product_id) issue("product_id", `product_id is required for a ${rule.scope} rule`)
    if (!needsProduct && rule.product_id) issue("product_id", `product_id must not be set on a ${rule.scope} rule`)
    if (rule.excluded && !needsProduct) issue("excluded", "excluded applies only to product rules")
  }
  if (!rule.excluded) {
    if (rule.kind === "percent" && rule.rate == null) issue("rate", "rate is required for a percent rule")
    if (rule.kind && rule.kind !== "percent" && !rule.amounts) issue("amounts", `amounts is required for a ${rule.kind} rule`)
  }
  if (rule.tiers?.length && !rule.tier_metric) issue("tier_metric", "tier_metric is required with tiers")
  return problems
}

export const AdminCreateCommissionRule = RuleFields.strict().superRefine((rule, ctx) => {
  for (const { path, message } of ruleProblems(rule)) {
    ctx.addIssue({ code: "custom", path: [path], message })
  }
})
export type AdminCreateCommissionRuleType = z.infer<typeof AdminCreateCommissionRule>

// Scope, affiliate and product say what a rule is; to change them, create another rule.
export const AdminUpdateCommissionRule = RuleFields.omit({ scope: true, affiliate_id: true, product_id: true })
  .partial()
  .strict()
export type AdminUpdateCommissionRuleType = z.infer<typeof AdminUpdateCommissionRule>

export const AdminGetCommissionRulesParams = createFindParams({ limit: 50, offset: 0 }).merge(
  z
    .object({
      scope: z.union([RuleFields.shape.scope, z.array(RuleFields.shape.scope)]).optional(),
      affiliate_id: z.union([z.string(), z.array(z.string())]).optional(),
      product_id: z.union([z.string(), z.array(z.string())]).optional(),
      level: z.coerce.number().int().optional(),
    })
    .strict()
)
