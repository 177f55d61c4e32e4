import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../../../workflows/affiliate-service"
import { IdempotentReplay, resourceIds } from "../../utils/idempotency"
import { refetchPayout } from "../affiliate-payouts/helpers"

/** Reads one affiliate with the requested fields; 404 when it doesn't exist. */
export async function refetchAffiliate(container: MedusaContainer, id: string, fields: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [affiliate],
  } = await query.graph(
    { entity: "affiliate", fields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return affiliate
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
