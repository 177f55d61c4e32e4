import { MedusaError } from "@medusajs/framework/utils"
import { PayoutStatus } from "../types"

/**
 * How a payout moves: created `pending` (or `processing` when its provider
 * took it), then `paid` or `failed`; `canceled` before it is paid. Paid,
 * failed and canceled are final (a failed or canceled payout is retried by a
 * new payout).
 */
export const PAYOUT_TRANSITIONS: Record<PayoutStatus, PayoutStatus[]> = {
  [PayoutStatus.PENDING]: [PayoutStatus.PROCESSING, PayoutStatus.PAID, PayoutStatus.FAILED, PayoutStatus.CANCELED],
  [PayoutStatus.PROCESSING]: [PayoutStatus.PAID, PayoutStatus.FAILED, PayoutStatus.CANCELED],
  [PayoutStatus.PAID]: [],
  [PayoutStatus.FAILED]: [],
  [PayoutStatus.CANCELED]: [],
}

/** The statuses of a payout whose money is on its way: its lines are neither available nor paid. */
export const IN_FLIGHT_STATUSES = [PayoutStatus.PENDING, PayoutStatus.PROCESSING]

export function canMovePayout(from: PayoutStatus, to: PayoutStatus): boolean {
  return PAYOUT_TRANSITIONS[from]?.includes(to) ?? false
}

/** A 400 naming the payout's status when it can't move to `to`. */
export function assertPayoutTransition(id: string, from: PayoutStatus, to: PayoutStatus) {
  if (!canMovePayout(from, to)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payout ${id} is ${from}; it can't become ${to}` +
        (PAYOUT_TRANSITIONS[from]?.length ? ` (only ${PAYOUT_TRANSITIONS[from].join(", ")})` : "")
    )
  }
}
