import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../../types"
import { actorOr } from "../../audit-actor"
import { updateAffiliatesStep, UpdateAffiliateInput } from "../steps/update-affiliates"
import { validateParentAffiliatesStep } from "../steps/validate-parent-affiliate"

export const updateAffiliatesWorkflowId = "update-affiliates"

/**
 * This workflow updates affiliates' profiles, logging what changed. Status
 * changes go through `setAffiliateStatusWorkflow`, which checks the transition.
 */
export const updateAffiliatesWorkflow = createWorkflow(
  updateAffiliatesWorkflowId,
  (input: { affiliates: UpdateAffiliateInput[]; actor?: AuditActor }) => {
    validateParentAffiliatesStep(input.affiliates)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, updateAffiliatesWorkflowId))
    const affiliates = updateAffiliatesStep({ affiliates: input.affiliates, actor })
    return new WorkflowResponse(affiliates)
  }
)
