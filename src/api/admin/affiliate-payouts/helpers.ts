import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuditActor } from "../../../types/audit"
import { commissionLineFields } from "../affiliate-commissions/query-config"
import { IdempotentReplay, resourceIds } from "../../utils/idempotency"
import { payoutFields } from "./query-config"

/** A payout with the ledger lines it settled; 404 when it doesn't exist. */
export async function refetchPayout(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payout],
  } = await query.graph(
    {
      entity: "payout",
      fields: [...payoutFields, ...commissionLineFields.map((field) => `lines.${field}`)],
      filters: { id },
    },
    { throwIfKeyNotFound: true }
  )
  return payout
}

/** The admin who acts, for the audit log. */
export function adminActor(req: AuthenticatedMedusaRequest): AuditActor {
  return { actor_type: "user", actor_id: req.auth_context.actor_id }
}

/** `Idempotency-Key` replay of a payout action: the payout as it is. */
export const replayPayoutAction: IdempotentReplay = async (req, resource) => ({
  status: 200,
  body: { payout: await refetchPayout(req.scope, resourceIds(resource)[0]) },
})

/** `Idempotency-Key` replay of a retry: the new payout. */
export const replayPayoutRetry: IdempotentReplay = async (req, resource) => ({
  status: 201,
  body: { payout: await refetchPayout(req.scope, resourceIds(resource)[0]) },
})
