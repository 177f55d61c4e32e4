import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutEvents } from "../../../modules/affiliate/payouts"
import { affiliateService } from "../../affiliate-service"
import { eventsOf } from "./events-of"

export const pollPayoutsStepId = "poll-affiliate-payouts"

/** This step asks the providers that can be polled how their processing payouts stand. */
export const pollPayoutsStep = createStep(pollPayoutsStepId, async (input: { limit?: number }, { container }) => {
  const moved = await affiliateService(container).pollPayouts(input.limit)
  return new StepResponse<PayoutEvents>(eventsOf(moved))
})
