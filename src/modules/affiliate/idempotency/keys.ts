/**
 * The store behind the `Idempotency-Key` header of the money-moving admin
 * routes (`src/api/utils/idempotency.ts`): one row per (actor, key) in
 * `affiliate_idempotency_key`. Plain SQL on the module's connection; the
 * service exposes it.
 */

import { MedusaError } from "@medusajs/framework/utils"

/** How long a key is remembered: a retry after this runs as a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24

export type IdempotencyClaimInput = {
  actor_id: string
  key: string
  /** sha256 of method, path and body: the same key must come with the same request. */
  request_hash: string
  /** Random per attempt: only the attempt that claimed the key may complete or release it. */
  claim_token: string
}

/**
 * What a money movement needs to tie itself to the attempt that claimed the
 * key (see `fenceIdempotencyKey`).
 */
export type IdempotencyFence = Pick<IdempotencyClaimInput, "actor_id" | "key" | "claim_token">

export type IdempotencyClaim =
  | { outcome: "claimed" }
  | { outcome: "mismatch" }
  /** `resource`: what the attempt moved, when its money movement committed. */
  | { outcome: "in_progress"; since: Date; resource: string | null }
  | { outcome: "completed"; response_status: number; response_body: unknown }

type KnexLike = any

/**
 * Claims the key for this attempt, or says what an earlier attempt left: a
 * stored answer, an attempt still running (or one that died before storing
 * its answer), or a different request under the same key. The claim is an
 * `INSERT` on the primary key, so of two concurrent attempts exactly one
 * claims; an expired row is taken over in the same statement.
 */
export async function claimIdempotencyKey(knex: KnexLike, input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
  // A row can vanish between the insert and the read (its attempt was refused
  // and released the key): then the insert is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows: claimed } = await knex.raw(
      `INSERT INTO affiliate_idempotency_key (actor_id, key, request_hash, claim_token, status, created_at)
       VALUES (:actor_id, :key, :request_hash, :claim_token, 'in_progress', now())
       ON CONFLICT (actor_id, key) DO UPDATE SET
         request_hash = EXCLUDED.request_hash, claim_token = EXCLUDED.claim_token,
         status = 'in_progress', response_status = NULL, response_body = NULL, resource = NULL,
         created_at = now(), completed_at = NULL
       WHERE affiliate_idempotency_key.created_at < now() - make_interval(hours => :ttl)
       RETURNING claim_token`,
      { ...input, ttl: IDEMPOTENCY_KEY_TTL_HOURS }
    )
    if (claimed.length) {
      return { outcome: "claimed" }
    }
    const { rows } = await knex.raw(
      `SELECT request_hash, status, response_status, response_body, created_at, resource
       FROM affiliate_idempotency_key WHERE actor_id = :actor_id AND key = :key`,
      { actor_id: input.actor_id, key: input.key }
    )
    const row = rows[0]
    if (!row) {
      continue
    }
    if (row.request_hash !== input.request_hash) {
      return { outcome: "mismatch" }
    }
    if (row.status === "completed") {
      return { outcome: "completed", response_status: row.response_status, response_body: row.response_body }
    }
    return { outcome: "in_progress", since: new Date(row.created_at), resource: row.resource ?? null }
  }
  return { outcome: "in_progress", since: new Date(), resource: null }
}

/**
 * Called by a money movement inside its own transaction: records what it
 * moved (`resource`, e.g. "payout:pay_1") on the key, and fails (rolling the
 * movement back) unless this attempt still holds the claim and nothing was
 * moved under the key yet. So a key's movement commits at most once, and
 * `resource` says whether it did.
 */
export async function fenceIdempotencyKey(knex: KnexLike, fence: IdempotencyFence, resource: string): Promise<void> {
  const { rowCount } = await knex.raw(
    `UPDATE affiliate_idempotency_key SET resource = :resource
     WHERE actor_id = :actor_id AND key = :key AND claim_token = :claim_token
       AND status = 'in_progress' AND resource IS NULL`,
    { ...fence, resource }
  )
  if (!rowCount) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The request with Idempotency-Key "${fence.key}" was taken over by a retry; this attempt changed nothing`
    )
  }
}

/**
 * Takes the claim over from an attempt that has moved nothing (no `resource`)
 * and started before `staleBefore`: it died, or its movement will fail at the
 * fence. Only for routes whose movement is fenced.
 */
export async function takeOverIdempotencyKey(
  knex: KnexLike,
  input: IdempotencyClaimInput & { stale_before: Date }
): Promise<boolean> {
  const { rowCount } = await knex.raw(
    `UPDATE affiliate_idempotency_key SET claim_token = :claim_token, created_at = now()
     WHERE actor_id = :actor_id AND key = :key AND request_hash = :request_hash
       AND status = 'in_progress' AND resource IS NULL AND created_at < CAST(:stale_before AS timestamptz)`,
    { ...input, stale_before: input.stale_before.toISOString() }
  )
  return rowCount > 0
}

/** Stores the answer of the attempt that claimed the key, for its retries. */
export async function completeIdempotencyKey(
  knex: KnexLike,
  input: Pick<IdempotencyClaimInput, "actor_id" | "key" | "claim_token"> & {
    response_status: number
    response_body: unknown
  }
): Promise<boolean> {
  const { rowCount } = await knex.raw(
    `UPDATE affiliate_idempotency_key
     SET status = 'completed', response_status = :response_status,
         response_body = CAST(:response_body AS jsonb), completed_at = now()
     WHERE actor_id = :actor_id AND key = :key AND claim_token = :claim_token`,
    { ...input, response_body: JSON.stringify(input.response_body ?? null) }
  )
  return rowCount > 0
}

/**
 * Frees the key after a request that moved nothing, so it can be used again.
 * A key whose movement committed (`resource`) is never freed.
 */
export async function releaseIdempotencyKey(
  knex: KnexLike,
  input: Pick<IdempotencyClaimInput, "actor_id" | "key" | "claim_token">
): Promise<boolean> {
  const { rowCount } = await knex.raw(
    `DELETE FROM affiliate_idempotency_key
     WHERE actor_id = :actor_id AND key = :key AND claim_token = :claim_token
       AND status = 'in_progress' AND resource IS NULL`,
    input
  )
  return rowCount > 0
}

/** Deletes the keys older than the TTL; returns how many. */
export async function purgeIdempotencyKeys(knex: KnexLike, now = new Date()): Promise<number> {
  const { rowCount } = await knex.raw(
    `DELETE FROM affiliate_idempotency_key WHERE created_at < CAST(:now AS timestamptz) - make_interval(hours => :ttl)`,
    { now: now.toISOString(), ttl: IDEMPOTENCY_KEY_TTL_HOURS }
  )
  return rowCount ?? 0
}
