import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { emptyPayoutEvents } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"

export const runPayoutScheduleStepId = "run-affiliate-payout-schedule"
export const PAYOUT_SCHEDULE_JOB = "payout_schedule"

/**
 * This step runs the monthly payout schedule (F3) at `now`: from the payout
 * day on, the month's first run makes one batch per currency. Each currency's
 * month is claimed in `affiliate_period_run` in the batch's own transaction,
 * so later runs in the month pay nobody.
 */
export const runPayoutScheduleStep = createStep(
  runPayoutScheduleStepId,
  async (input: { now: Date | string }, { container }) => {
    const service = affiliateService(container)
    const now = new Date(input.now)
    const events = emptyPayoutEvents()
    const batchIds: string[] = []
    const { payout_schedule: schedule } = await service.getProgramSettings()
    if (!schedule || now.getUTCDate() < schedule.day) {
      return new StepResponse({ batch_ids: batchIds, events })
    }
    const period = now.toISOString().slice(0, 7)
    const currencies = schedule.currencies?.map((code) => code.toLowerCase()) ?? (await service.listPayableCurrencies())
    for (const currency of currencies) {
      const run = await service.runPayoutBatch({
        currency_code: currency,
        actor: { actor_type: "system", actor_id: "run-affiliate-payout-schedule" },
        created_by: "system:payout_schedule",
        note: `Scheduled payouts of ${period}`,
        schedule: { job: `${PAYOUT_SCHEDULE_JOB}:${currency}`, period },
      })
      if (run.batch_id) batchIds.push(run.batch_id)
      events.created.push(...run.events.created)
      events.paid.push(...run.events.paid)
      events.failed.push(...run.events.failed)
    }
    return new StepResponse({ batch_ids: batchIds, events })
  }
)
