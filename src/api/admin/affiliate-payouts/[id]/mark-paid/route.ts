import { PayoutStatus } from "../../../../../modules/affiliate/types"
import type { AdminMarkPayoutPaidType } from "../../validators"
import { payoutStatusAction } from "../status-action"

/** Records that a pending or processing payout was paid. */
export const POST = payoutStatusAction<AdminMarkPayoutPaidType>(PayoutStatus.PAID, (body) => ({
  external_reference: body.external_reference ?? undefined,
  note: body.note ?? undefined,
}))
