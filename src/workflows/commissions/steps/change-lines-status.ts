import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LineStatusSnapshot } from "../../../modules/affiliate/service"
import type { LineStatusAction } from "../../../modules/affiliate/utils/line-transitions"
import type { IdempotencyFence } from "../../../modules/affiliate/idempotency/keys"
import { affiliateService } from "../../affiliate-service"

export type ChangeLinesStatusInput = {
  ids: string[]
  action: LineStatusAction
  reason?: string | null
  actor?: string | null
  /** The request's `Idempotency-Key` claim: the change commits only under it. */
  idempotency?: IdempotencyFence
}

export const changeLinesStatusStepId = "change-commission-lines-status"

/**
 * This step approves, rejects, holds or releases ledger lines, all or none.
 * Compensation restores their previous status.
 */
export const changeLinesStatusStep = createStep(
  changeLinesStatusStepId,
  async ({ ids, action, reason, actor, idempotency }: ChangeLinesStatusInput, { container }) => {
    const previous = await affiliateService(container).changeLinesStatus(ids, action, { reason, actor, idempotency })
    return new StepResponse(
      previous.map((line) => line.id),
      previous
    )
  },
  async (previous: LineStatusSnapshot[] | undefined, { container }) => {
    if (!previous?.length) {
      return
    }
    await affiliateService(container).restoreLinesStatus(previous)
  }
)
