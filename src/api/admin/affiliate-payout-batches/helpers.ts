import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IdempotentReplay, resourceIds } from "../../utils/idempotency"
import { payoutBatchDetailFields } from "./query-config"

/** A batch with its payouts and the partners it couldn't pay; 404 when it doesn't exist. */
export async function refetchPayoutBatch(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [batch],
  } = await query.graph(
    { entity: "payout_batch", fields: payoutBatchDetailFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  return batch
}

/** `Idempotency-Key` replay: the batch a dead attempt made. */
export const replayPayoutBatch: IdempotentReplay = async (req, resource) => ({
  status: 201,
  body: { payout_batch: await refetchPayoutBatch(req.scope, resourceIds(resource)[0]) },
})
