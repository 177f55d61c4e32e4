import { PayoutStatus } from "../../../../../modules/affiliate/types"
import type { AdminCancelPayoutType } from "../../validators"
import { payoutStatusAction } from "../status-action"

/** Cancels a payout before it is paid: its amount goes back to the balance. */
export const POST = payoutStatusAction<AdminCancelPayoutType>(PayoutStatus.CANCELED, (body) => ({
  reason: body.reason ?? null,
}))
