import { MedusaError } from "@medusajs/framework/utils"
import { AuditAction, type AuditActor } from "../../../types/audit"
import { writeAuditEntries } from "../audit/audit-log"
import { maskPayoutDetails } from "./mask"
import type { PayoutDetails } from "./types"

type KnexLike = any

export type SavePayoutDetailsInput = {
  affiliate_id: string
  details: PayoutDetails
  actor: AuditActor
  reason?: string | null
  now?: Date
}

export type StoredPayoutDetails = {
  affiliate_id: string
  payout_method: string | null
  payout_details: PayoutDetails | null
  payout_details_updated_at: Date | null
}

/**
 * Replaces an affiliate's payout details and records `payout_details.changed`
 * with the masked before and after, in the caller's transaction: the row is
 * locked first, so two saves at once leave the log in the order they happened.
 */
export async function savePayoutDetails(knex: KnexLike, input: SavePayoutDetailsInput): Promise<StoredPayoutDetails> {
  const now = input.now ?? new Date()
  const [row] = await knex("affiliate")
    .where({ id: input.affiliate_id })
    .whereNull("deleted_at")
    .forUpdate()
    .select("id", "payout_method", "payout_details")
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.affiliate_id} was not found`)
  }
  await knex("affiliate").where({ id: input.affiliate_id }).update({
    payout_method: input.details.method,
    payout_details: JSON.stringify(input.details),
    payout_details_updated_at: now,
    updated_at: now,
  })
  await writeAuditEntries(knex, [
    {
      ...input.actor,
      action: AuditAction.PAYOUT_DETAILS_CHANGED,
      target_type: "affiliate",
      target_id: input.affiliate_id,
      affiliate_id: input.affiliate_id,
      before: row.payout_details ? { payout_method: row.payout_method, payout_details: maskPayoutDetails(row.payout_details) } : null,
      after: { payout_method: input.details.method, payout_details: maskPayoutDetails(input.details) },
      reason: input.reason ?? null,
    },
  ])
  return {
    affiliate_id: input.affiliate_id,
    payout_method: input.details.method,
    payout_details: input.details,
    payout_details_updated_at: now,
  }
}

/** An affiliate's payout details in full; 404 for an unknown affiliate. */
export async function readPayoutDetails(knex: KnexLike, affiliateId: string): Promise<StoredPayoutDetails> {
  const [row] = await knex("affiliate")
    .where({ id: affiliateId })
    .whereNull("deleted_at")
    .select("id", "payout_method", "payout_details", "payout_details_updated_at")
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${affiliateId} was not found`)
  }
  return {
    affiliate_id: row.id,
    payout_method: row.payout_method ?? null,
    payout_details: row.payout_details ?? null,
    payout_details_updated_at: row.payout_details_updated_at ?? null,
  }
}
