import { MedusaError } from "@medusajs/framework/utils"
import type { AffiliateStatusAction } from "../../../types/admin-changes"
import { AffiliateStatus } from "../types"

export type { AffiliateStatusAction }

/** For each action: the status it leads to and the statuses it may start from. */
export const STATUS_TRANSITIONS: Record<
  AffiliateStatusAction,
  { to: AffiliateStatus; from: AffiliateStatus[] }
> = {
  approve: {
    to: AffiliateStatus.ACTIVE,
    from: [
      AffiliateStatus.PENDING,
      AffiliateStatus.REJECTED,
      AffiliateStatus.SUSPENDED,
      AffiliateStatus.DEACTIVATED,
    ],
  },
  reject: { to: AffiliateStatus.REJECTED, from: [AffiliateStatus.PENDING] },
  suspend: { to: AffiliateStatus.SUSPENDED, from: [AffiliateStatus.ACTIVE] },
  deactivate: {
    to: AffiliateStatus.DEACTIVATED,
    from: [
      AffiliateStatus.PENDING,
      AffiliateStatus.ACTIVE,
      AffiliateStatus.REJECTED,
      AffiliateStatus.SUSPENDED,
    ],
  },
}

/** The status an action leads to, or a 400 naming why it can't be taken. */
export function nextAffiliateStatus(
  affiliate: { id: string; status: AffiliateStatus },
  action: AffiliateStatusAction
): AffiliateStatus {
  const transition = STATUS_TRANSITIONS[action]
  if (!transition.from.includes(affiliate.status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot ${action} affiliate ${affiliate.id}: its status is ${affiliate.status}`
    )
  }
  return transition.to
}

/**
 * The actions an affiliate in `status` may take, in the table's order. The
 * admin's detail page offers exactly these (`GET /admin/affiliates/:id`
 * returns them), so the page never keeps a copy of the rule.
 */
// `${AffiliateStatus}`: Query's generated types give the status as its own enum's strings.
export function allowedStatusActions(status: AffiliateStatus | `${AffiliateStatus}`): AffiliateStatusAction[] {
  return (Object.keys(STATUS_TRANSITIONS) as AffiliateStatusAction[]).filter((action) =>
    (STATUS_TRANSITIONS[action].from as readonly string[]).includes(status)
  )
}
