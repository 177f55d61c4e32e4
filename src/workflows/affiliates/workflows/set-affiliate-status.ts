import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  AffiliateEvents,
  type AffiliateEventName,
  type AffiliateStatusAction,
  type AuditActor,
} from "../../../types"
import { actorOr } from "../../audit-actor"
import { changeAffiliateStatusStep } from "../steps/change-affiliate-status"

export const setAffiliateStatusWorkflowId = "set-affiliate-status"

/** The event each status action announces. */
export const AFFILIATE_STATUS_EVENTS: Record<AffiliateStatusAction, AffiliateEventName> = {
  approve: AffiliateEvents.AFFILIATE_APPROVED,
  reject: AffiliateEvents.AFFILIATE_REJECTED,
  suspend: AffiliateEvents.AFFILIATE_SUSPENDED,
  deactivate: AffiliateEvents.AFFILIATE_DEACTIVATED,
}

export type SetAffiliateStatusInput = {
  id: string
  action: AffiliateStatusAction
  /** Why; kept on the audit entry. */
  reason?: string | null
  actor?: AuditActor
}

/**
 * This workflow approves, rejects, suspends or deactivates an affiliate, logs
 * it with the reason, and emits `affiliate.approved` (`.rejected`,
 * `.suspended`, `.deactivated`) once it has succeeded. A transition the
 * status doesn't allow is refused (400) and emits nothing. Nothing else
 * changes: codes, attributions and ledger lines are kept.
 *
 * @example
 * await setAffiliateStatusWorkflow(container).run({
 *   input: { id, action: "suspend", reason: "Spam", actor: { actor_type: "user", actor_id } },
 * })
 */
export const setAffiliateStatusWorkflow = createWorkflow(
  setAffiliateStatusWorkflowId,
  (input: SetAffiliateStatusInput) => {
    const change = transform({ input }, ({ input }) => ({
      id: input.id,
      action: input.action,
      reason: input.reason ?? null,
      actor: actorOr(input.actor, setAffiliateStatusWorkflowId),
    }))
    const affiliate = changeAffiliateStatusStep(change)
    emitEventStep({
      eventName: transform({ input }, ({ input }) => AFFILIATE_STATUS_EVENTS[input.action]),
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    })
    return new WorkflowResponse(affiliate)
  }
)
