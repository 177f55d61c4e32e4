import { MedusaError } from "@medusajs/framework/utils"
import { PayoutStatus } from "../types"
import { createPayout, CreatePayoutInput } from "./create-payout"
import { lockPayout, PAYOUT_TABLE, PayoutRow } from "./rows"

type KnexLike = any

export type RetryPayoutInput = Pick<CreatePayoutInput, "provider_id" | "note" | "created_by" | "actor" | "idempotency">

/**
 * Pays a failed or canceled payout again: a new payout of the same amount
 * (given back to the balance when the first one failed), pointing at it with
 * `retry_of_id`. A payout is retried once; a failed retry is retried in turn.
 */
export async function retryPayout(
  knex: KnexLike,
  id: string,
  input: RetryPayoutInput,
  minimum: number
): Promise<PayoutRow> {
  const failed = await lockPayout(knex, id)
  if (!failed) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${id} was not found`)
  }
  if (failed.status !== PayoutStatus.FAILED && failed.status !== PayoutStatus.CANCELED) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payout ${id} is ${failed.status}; only a failed or canceled payout can be retried`
    )
  }
  const [retried] = await knex(PAYOUT_TABLE).where({ retry_of_id: id }).whereNull("deleted_at").select("id")
  if (retried) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payout ${id} was already retried by payout ${retried.id}`)
  }
  return await createPayout(
    knex,
    {
      affiliate_id: failed.affiliate_id,
      currency_code: failed.currency_code,
      amount: failed.amount,
      method: failed.method,
      provider_id: input.provider_id ?? failed.provider_id,
      note: input.note ?? failed.note,
      created_by: input.created_by,
      actor: input.actor,
      retry_of_id: id,
      idempotency: input.idempotency,
    },
    minimum
  )
}
