import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { allowedStatusActions } from "../../../modules/affiliate/utils/status-transitions"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../../../workflows/affiliate-service"
import { maskPayoutDetails } from "../../../modules/affiliate/payout-details/mask"
import { IdempotentReplay, resourceIds } from "../../utils/idempotency"
import { refetchPayout } from "../affiliate-payouts/helpers"

/**
 * An affiliate as the admin's lists and detail show it: payout details masked
 * (`GET /admin/affiliates/:id/payout-details` is the one full read).
 */
export function withMaskedPayoutDetails<T extends Record<string, any>>(affiliate: T): T {
  return "payout_details" in affiliate
    ? { ...affiliate, payout_details: maskPayoutDetails(affiliate.payout_details) }
    : affiliate
}

/** Reads one affiliate with the requested fields (payout details masked); 404 when it doesn't exist. */
export async function refetchAffiliate(container: MedusaContainer, id: string, fields: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [affiliate],
  } = await query.graph(
    { entity: "affiliate", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return withMaskedPayoutDetails(affiliate)
}

/**
 * `{ affiliate, allowed_status_transitions }`: the affiliate with the fields
 * asked for, and the status actions it may take now, from the one transition
 * table (`utils/status-transitions.ts`) the status routes enforce, so the
 * admin offers exactly those.
 */
export async function affiliateResponse(req: AuthenticatedMedusaRequest, id: string) {
  const affiliate = await refetchAffiliate(req.scope, id, req.queryConfig.fields)
  const { status } = req.queryConfig.fields.includes("status") ? affiliate : await refetchAffiliate(req.scope, id, ["status"])
  return { affiliate, allowed_status_transitions: allowedStatusActions(status) }
}

/** `Idempotency-Key` replay: the answer for a payout a dead attempt made. */
export const replayPayout: IdempotentReplay = async (req, resource) => ({
  status: 201,
  body: { payout: await refetchPayout(req.scope, resourceIds(resource)[0]) },
})

/** `Idempotency-Key` replay: the answer for an adjustment a dead attempt wrote. */
export const replayAdjustment: IdempotentReplay = async (req, resource) => ({
  status: 201,
  body: { commission_line: await affiliateService(req.scope).retrieveCommissionLine(resourceIds(resource)[0]) },
})
