import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { actorOr } from "../../audit-actor"
import { createCommissionRulesStep } from "../../rules/steps/create-commission-rules"
import { deleteCommissionRulesStep } from "../../rules/steps/delete-commission-rules"
import { updateCommissionRulesStep } from "../../rules/steps/update-commission-rules"
import { planProductExclusionStep } from "../steps/plan-product-exclusion"
import { saveProductParticipationStep } from "../steps/save-product-participation"
import { validateCreativeTargetsStep } from "../steps/validate-creative-targets"

export type SetProductAffiliateProgramInput = {
  product_id: string
  /** In or out of the program: written as the product's excluded rules. */
  in_program?: boolean
  visible_in_portal?: boolean
  landing_url?: string | null
  actor?: AuditActor
}

export const setProductAffiliateProgramWorkflowId = "set-product-affiliate-program"

/**
 * This workflow puts a product in or out of the affiliate program (through
 * its product-scope commission rules, which alone decide earning) and saves
 * whether partners see it and where its links land. Each change is logged; a
 * failure takes back what was done.
 *
 * @example
 * await setProductAffiliateProgramWorkflow(container).run({
 *   input: { product_id: "prod_123", in_program: false, landing_url: "/sale" },
 * })
 */
export const setProductAffiliateProgramWorkflow = createWorkflow(
  setProductAffiliateProgramWorkflowId,
  (input: SetProductAffiliateProgramInput) => {
    const targets = transform({ input }, ({ input }) => [{ product_id: input.product_id, landing_url: input.landing_url }])
    validateCreativeTargetsStep(targets)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, setProductAffiliateProgramWorkflowId))
    const plan = planProductExclusionStep({ product_id: input.product_id, in_program: input.in_program })

    when({ plan }, ({ plan }) => plan.create.length > 0).then(() => {
      createCommissionRulesStep({ rules: plan.create, actor })
    })
    when({ plan }, ({ plan }) => plan.update.length > 0).then(() => {
      updateCommissionRulesStep({ rules: plan.update, actor })
    })
    when({ plan }, ({ plan }) => plan.delete.length > 0).then(() => {
      deleteCommissionRulesStep({ ids: plan.delete, actor })
    })

    const participation = transform({ input }, ({ input }) => ({
      product_id: input.product_id,
      visible_in_portal: input.visible_in_portal,
      landing_url: input.landing_url,
    }))
    return new WorkflowResponse(saveProductParticipationStep({ participation, actor }))
  }
)
