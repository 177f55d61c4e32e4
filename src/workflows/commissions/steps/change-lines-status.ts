import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IdempotencyFence } from "../../../modules/affiliate/idempotency/keys"
import type { AuditActor } from "../../../types/audit"
import type { LineStatusAction, LineStatusChange, LineStatusSnapshot } from "../../../types/ledger"
import { affiliateService } from "../../affiliate-service"

export type ChangeLinesStatusInput = {
  ids: string[]
  action: LineStatusAction
  reason?: string | null
  /** The admin (or job) acting: kept on the lines and in the audit log. */
  actor: AuditActor
  /** The request's `Idempotency-Key` claim: the change commits only under it. */
  idempotency?: IdempotencyFence
}

export const changeLinesStatusStepId = "change-commission-lines-status"

/**
 * This step approves, rejects, holds or releases ledger lines, all or none,
 * with their audit entries. Compensation restores their previous status.
 */
export const changeLinesStatusStep = createStep(
  changeLinesStatusStepId,
  async ({ ids, action, ...options }: ChangeLinesStatusInput, { container }) => {
    const change = await affiliateService(container).changeLinesStatus(ids, action, options)
    return new StepResponse<LineStatusChange, LineStatusSnapshot[]>(change, change.previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await affiliateService(container).restoreLinesStatus(previous)
  }
)
