import { PayoutStatus } from "../../../../../modules/affiliate/types"
import type { AdminFailPayoutType } from "../../validators"
import { payoutStatusAction } from "../status-action"

/** Marks a pending or processing payout failed: its amount goes back to the balance. */
export const POST = payoutStatusAction<AdminFailPayoutType>(PayoutStatus.FAILED, (body) => ({ reason: body.reason }))
