import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RecordSnapshot } from "../../../types"
import { affiliateService } from "../../affiliate-service"

export const planProductExclusionStepId = "plan-product-exclusion"

/** The name of the rules that only take a product out of the program. */
export const EXCLUSION_RULE_NAME = "Out of the affiliate program"

export type ProductExclusionPlan = {
  create: Record<string, unknown>[]
  update: RecordSnapshot[]
  delete: string[]
}

type RuleRow = { id: string; level: number; excluded: boolean; rate: unknown; amounts: unknown; is_active: boolean }

/**
 * What taking a product out of the program (or back in) changes in its
 * product-scope commission rules, which alone decide whether it earns.
 *
 * Out: at every level up to `max_levels`, the product's active rules become
 * `excluded` (their rates are kept for when it comes back); a level with no
 * rule gets an exclusion rule. In: excluded rules with a rate or amounts stop
 * being excluded; bare exclusion rules are deleted. Nothing to do when the
 * product already is where it is asked to be.
 */
export function planProductExclusion(
  productId: string,
  inProgram: boolean,
  rules: RuleRow[],
  maxLevels: number
): ProductExclusionPlan {
  const plan: ProductExclusionPlan = { create: [], update: [], delete: [] }
  const active = rules.filter((rule) => rule.is_active)
  if (inProgram) {
    for (const rule of active.filter((rule) => rule.excluded)) {
      if (rule.rate != null || rule.amounts != null) plan.update.push({ id: rule.id, excluded: false })
      else plan.delete.push(rule.id)
    }
    return plan
  }
  for (let level = 0; level <= maxLevels; level++) {
    const atLevel = active.filter((rule) => (rule.level ?? 0) === level)
    if (atLevel.some((rule) => rule.excluded)) continue
    if (atLevel.length) {
      for (const rule of atLevel) plan.update.push({ id: rule.id, excluded: true })
    } else {
      plan.create.push({ name: EXCLUSION_RULE_NAME, scope: "product", kind: "percent", product_id: productId, level, excluded: true })
    }
  }
  return plan
}

/**
 * This step reads the product's product-scope rules and the program's levels
 * and plans the rule changes that put it in or out of the program (see
 * `planProductExclusion`). It writes nothing; the rule steps do.
 */
export const planProductExclusionStep = createStep(
  planProductExclusionStepId,
  async (input: { product_id: string; in_program?: boolean }, { container }) => {
    if (input.in_program === undefined) {
      return new StepResponse<ProductExclusionPlan>({ create: [], update: [], delete: [] })
    }
    const service = affiliateService(container)
    const [rules, settings] = await Promise.all([
      service.listCommissionRules(
        { scope: "product", product_id: input.product_id },
        { select: ["id", "level", "excluded", "rate", "amounts", "is_active"] }
      ),
      service.getProgramSettings(),
    ])
    return new StepResponse(
      planProductExclusion(input.product_id, input.in_program, rules as unknown as RuleRow[], settings.max_levels)
    )
  }
)
