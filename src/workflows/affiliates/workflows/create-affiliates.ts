import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents, type AuditActor } from "../../../types"
import { actorOr } from "../../audit-actor"
import { createAffiliatesStep, CreateAffiliateInput } from "../steps/create-affiliates"
import { validateParentAffiliatesStep } from "../steps/validate-parent-affiliate"

export const createAffiliatesWorkflowId = "create-affiliates"

/**
 * This workflow creates affiliates, after checking their parent affiliates
 * exist, logs each in the audit log and emits `affiliate.created` for each
 * once the workflow has succeeded.
 *
 * @example
 * const { result } = await createAffiliatesWorkflow(container).run({
 *   input: {
 *     affiliates: [{ name: "Ada", email: "ada@example.com", status: "active" }],
 *     actor: { actor_type: "user", actor_id: "user_123" },
 *   },
 * })
 */
export const createAffiliatesWorkflow = createWorkflow(
  createAffiliatesWorkflowId,
  (input: { affiliates: CreateAffiliateInput[]; actor?: AuditActor }) => {
    validateParentAffiliatesStep(input.affiliates)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, createAffiliatesWorkflowId))
    const affiliates = createAffiliatesStep({ affiliates: input.affiliates, actor })
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: transform({ affiliates }, ({ affiliates }) => affiliates.map((affiliate) => ({ id: affiliate.id }))),
    })
    return new WorkflowResponse(affiliates)
  }
)
