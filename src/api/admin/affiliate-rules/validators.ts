import { z } from "@medusajs/framework/zod"
import {
  amount,
  checkPrecision,
  currencyCode,
  days,
  id,
  idFilter,
  listParams,
  MAX_LIST,
  queryInt,
  says,
  text,
} from "../../utils/validators"
import { ruleProblems } from "../../../modules/affiliate/utils/rule-problems"

const percent = z.number().min(0).max(100)
// A fixed commission per currency: { usd: 5, jpy: 500 }, each within the currency's precision.
const amounts = z
  .record(currencyCode(), amount().refine((value) => value > 0, says("must be positive")))
  .refine((value) => Object.keys(value).length <= 50, says("at most 50 currencies"))
  .superRefine((value, ctx) => {
    for (const [currency, figure] of Object.entries(value)) checkPrecision(ctx, figure, currency, ["amounts", currency])
  })

const RuleFields = z.object({
  name: text(255).trim().nullish(),
  scope: z.enum(["affiliate_product", "affiliate", "product", "program"]),
  kind: z.enum(["percent", "fixed_order", "fixed_lead"]).default("percent"),
  affiliate_id: id().nullish(),
  product_id: id().nullish(),
  level: z.number().int().min(0).max(10).default(0),
  rate: percent.nullish(),
  amounts: amounts.nullish(),
  excluded: z.boolean().default(false),
  tiers: z
    .array(z.object({ threshold: amount().refine((value) => value >= 0, says("must not be negative")), rate: percent }).strict())
    .max(20)
    .nullish(),
  tier_metric: z.enum(["paid_orders", "revenue"]).nullish(),
  tier_period_days: days().nullish(),
  window_days: days().nullish(),
  first_order_only: z.boolean().default(false),
  new_customers_only: z.boolean().default(false),
  is_active: z.boolean().default(true),
})

// One implementation, shared with the admin's rule form.
export { ruleProblems }

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

export const AdminGetCommissionRulesParams = z
  .object({
    ...listParams({ limit: 50, orderable: ["created_at", "updated_at", "name", "scope", "level"] }),
    scope: z.union([RuleFields.shape.scope, z.array(RuleFields.shape.scope).max(MAX_LIST)]).optional(),
    kind: z.union([RuleFields.shape.kind.removeDefault(), z.array(RuleFields.shape.kind.removeDefault()).max(MAX_LIST)]).optional(),
    affiliate_id: idFilter().optional(),
    product_id: idFilter().optional(),
    level: queryInt(0, 10).optional(),
  })
  .strict()
