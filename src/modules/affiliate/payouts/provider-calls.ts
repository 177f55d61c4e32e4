/**
 * Asking payout providers, outside any transaction (a provider may be a slow
 * HTTP API; no row lock waits on it). What they answer is applied afterwards
 * by `changePayoutStatus`, in a transaction of its own.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type {
  PayoutProvider,
  PayoutProviderPayout,
  PayoutProviderResult,
  PayoutRecipient,
  PayoutWebhookRequest,
} from "../../../types/payout-provider"
import { PayoutStatus } from "../types"
import { checkedResult } from "./providers"
import { PAYOUT_TABLE, PayoutRow, toPayoutRow } from "./rows"

type KnexLike = any

export function toProviderPayout(payout: PayoutRow): PayoutProviderPayout {
  return {
    id: payout.id,
    affiliate_id: payout.affiliate_id,
    amount: payout.amount,
    currency_code: payout.currency_code,
    method: payout.method,
    external_reference: payout.external_reference,
    note: payout.note,
  }
}

export async function loadPayout(knex: KnexLike, id: string): Promise<PayoutRow> {
  const [row] = await knex(PAYOUT_TABLE).where({ id }).whereNull("deleted_at").select("*")
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${id} was not found`)
  }
  return toPayoutRow(row)
}

export async function loadRecipient(knex: KnexLike, affiliateId: string): Promise<PayoutRecipient> {
  const [row] = await knex("affiliate")
    .where({ id: affiliateId })
    .select("id", "name", "email", "payout_method", "payout_details")
  return row
}

/** The provider's answer to `pay`; an unknown provider or a throw is a failure, never an exception. */
export async function askToPay(
  providers: Map<string, PayoutProvider>,
  payout: PayoutRow,
  recipient: PayoutRecipient
): Promise<PayoutProviderResult> {
  const provider = providers.get(payout.provider_id)
  if (!provider) {
    return { status: "failed", failure_reason: `Payout provider "${payout.provider_id}" is not registered` }
  }
  try {
    return checkedResult(await provider.pay(toProviderPayout(payout), recipient))
  } catch (e) {
    return { status: "failed", failure_reason: (e as Error).message || "The provider refused the payout" }
  }
}

/** Processing payouts of providers that can be polled, oldest first. */
export async function listPollablePayouts(
  knex: KnexLike,
  providers: Map<string, PayoutProvider>,
  limit: number
): Promise<PayoutRow[]> {
  const pollable = [...providers.entries()].filter(([, p]) => typeof p.getStatus === "function").map(([id]) => id)
  if (!pollable.length) {
    return []
  }
  const rows = await knex(PAYOUT_TABLE)
    .where({ status: PayoutStatus.PROCESSING })
    .whereIn("provider_id", pollable)
    .whereNull("deleted_at")
    .orderBy([{ column: "processing_at" }, { column: "id" }])
    .limit(limit)
    .select("*")
  return rows.map(toPayoutRow)
}

export async function askStatus(provider: PayoutProvider, payout: PayoutRow): Promise<PayoutProviderResult | null> {
  try {
    return checkedResult(await provider.getStatus!(toProviderPayout(payout)))
  } catch {
    // The provider is unreachable: ask again on the next poll.
    return null
  }
}

/**
 * A webhook's payout and news. 404 for an unknown provider, 400 when it takes
 * no webhooks, 401 when it refuses the call; null when the call concerns no
 * payout of ours.
 */
export async function readWebhook(
  knex: KnexLike,
  providers: Map<string, PayoutProvider>,
  providerId: string,
  request: PayoutWebhookRequest
): Promise<{ payout: PayoutRow; result: PayoutProviderResult } | null> {
  const provider = providers.get(providerId)
  if (!provider) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout provider with id: ${providerId} was not found`)
  }
  if (typeof provider.parseWebhook !== "function") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payout provider ${providerId} takes no webhooks`)
  }
  let parsed
  try {
    parsed = await provider.parseWebhook(request)
  } catch (e) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Webhook refused: ${(e as Error).message}`)
  }
  if (!parsed) {
    return null
  }
  const query = knex(PAYOUT_TABLE).where({ provider_id: providerId }).whereNull("deleted_at")
  if (parsed.payout_id) {
    query.where({ id: parsed.payout_id })
  } else if (parsed.external_reference) {
    query.where({ external_reference: parsed.external_reference })
  } else {
    return null
  }
  const [row] = await query.select("*")
  return row ? { payout: toPayoutRow(row), result: checkedResult(parsed) } : null
}

/** The status a provider's answer moves a payout to. */
export function statusOf(result: PayoutProviderResult) {
  return {
    paid: PayoutStatus.PAID,
    processing: PayoutStatus.PROCESSING,
    failed: PayoutStatus.FAILED,
  }[result.status] as PayoutStatus.PAID | PayoutStatus.PROCESSING | PayoutStatus.FAILED
}
