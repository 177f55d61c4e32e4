import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash, randomUUID } from "crypto"
import { IDEMPOTENCY_KEY_TTL_HOURS, IdempotencyFence } from "../../modules/affiliate/idempotency/keys"
import { affiliateService } from "../../workflows/affiliate-service"

export const IDEMPOTENCY_HEADER = "Idempotency-Key"

/** Printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/

/** After this, an attempt still marked in progress is presumed dead, not slow. */
const STALE_AFTER_MS = 5 * 60 * 1000
/**
 * After this, a retry takes the key over from an attempt that moved nothing
 * (fenced routes only: if that attempt is alive after all, its movement fails
 * at the fence).
 */
const TAKE_OVER_AFTER_MS = 30 * 1000

/** The answer to send again for what an attempt moved (its key's `resource`). */
export type IdempotentReplay = (req: MedusaRequest, resource: string) => Promise<{ status: number; body: unknown }>

export type IdempotentOptions = {
  /**
   * Set on a route whose money movement is fenced: its handler passes
   * `idempotencyFence(req)` to the module, which records what it moved on
   * the key in the movement's own transaction. Then a retry after a crash
   * gets the answer rebuilt from what was moved, or, when nothing was, runs
   * the request again, instead of a 409.
   */
  replay?: IdempotentReplay
}

/** The ids in a key's `resource` ("payout:pay_1", "commission_lines:a,b"). */
export function resourceIds(resource: string): string[] {
  return resource.slice(resource.indexOf(":") + 1).split(",")
}

const fences = new WeakMap<MedusaRequest, IdempotencyFence>()

/** The claim of the request's `Idempotency-Key`, for the module's money movement. */
export function idempotencyFence(req: MedusaRequest): IdempotencyFence | undefined {
  return fences.get(req)
}

/**
 * `Idempotency-Key` for a money-moving admin route. Put it after the body's
 * validation in the route's middlewares; without the header the route runs
 * as before. With it:
 * - the first request with a key (per admin user) claims it and runs; its
 *   answer (status and body) is stored before it is sent;
 * - a retry with the same key, route and body gets that answer again
 *   (header `Idempotent-Replayed: true`) and runs nothing;
 * - the same key with another route or body is refused (422);
 * - a retry while the first is still running is refused (409, `Retry-After`),
 *   so two requests with one key never both run;
 * - a refused request (4xx) frees its key: it wrote nothing. A 5xx answer is
 *   stored like a success, since whether money moved is then unknown, except
 *   on a fenced route, where the key says whether it did.
 * Keys are kept 24 hours. An attempt that died before storing its answer
 * leaves its key "in progress". On a fenced route (see `IdempotentOptions`)
 * a retry then gets the answer rebuilt from what was moved, or, if nothing
 * was, runs again (after 30 s); elsewhere it gets a 409 saying so until the
 * key expires.
 */
export function idempotent(options: IdempotentOptions = {}) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    handleIdempotencyKey(req, res, next, options).catch(next)
}

async function handleIdempotencyKey(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  { replay }: IdempotentOptions
) {
  const header = req.headers["idempotency-key"]
  if (header === undefined) {
    return next()
  }
  const key = Array.isArray(header) ? header.join(", ") : header
  if (!KEY_PATTERN.test(key)) {
    return refuse(
      res,
      400,
      "invalid_data",
      `${IDEMPOTENCY_HEADER} must be 1 to 255 printable ASCII characters`
    )
  }
  const actorId = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id
  if (!actorId) {
    return next()
  }
  const service = affiliateService(req.scope)
  const claim = {
    actor_id: actorId,
    key,
    request_hash: requestHash(req),
    claim_token: randomUUID(),
  }
  const found = await service.claimIdempotencyKey(claim)
  switch (found.outcome) {
    case "mismatch":
      return refuse(
        res,
        422,
        "invalid_data",
        `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request (another route or body): ` +
          `send a new key with a new request`
      )
    case "in_progress": {
      const age = Date.now() - found.since.getTime()
      if (replay && found.resource) {
        // The movement committed; its attempt died before answering.
        const answer = await replay(req, found.resource)
        res.setHeader("Idempotent-Replayed", "true")
        res.status(answer.status).json(answer.body)
        return
      }
      if (
        replay &&
        age > TAKE_OVER_AFTER_MS &&
        (await service.takeOverIdempotencyKey({ ...claim, stale_before: new Date(Date.now() - TAKE_OVER_AFTER_MS) }))
      ) {
        break
      }
      const stale = age > STALE_AFTER_MS
      res.setHeader("Retry-After", stale ? "3600" : "1")
      return refuse(
        res,
        409,
        "conflict",
        stale
          ? `The request with ${IDEMPOTENCY_HEADER} "${key}" started at ${found.since.toISOString()} and never ` +
              `finished: it may or may not have taken effect. Check before sending it again with a new key ` +
              `(this one is kept for ${IDEMPOTENCY_KEY_TTL_HOURS} hours)`
          : `A request with ${IDEMPOTENCY_HEADER} "${key}" is still in progress; retry later`
      )
    }
    case "completed":
      res.setHeader("Idempotent-Replayed", "true")
      res.status(found.response_status).json(found.response_body)
      return
  }
  fences.set(req, { actor_id: claim.actor_id, key: claim.key, claim_token: claim.claim_token })
  rememberAnswer(req, res, service, claim, !!replay)
  next()
}

/**
 * Holds the route's answer (or the error handler's) until it is stored on the
 * key, so a client that gets an answer and retries always finds it.
 */
function rememberAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  service: ReturnType<typeof affiliateService>,
  claim: { actor_id: string; key: string; claim_token: string },
  fenced: boolean
) {
  const send = res.json.bind(res)
  let answered = false
  res.json = ((body: unknown) => {
    if (answered) {
      return send(body)
    }
    answered = true
    const status = res.statusCode
    const { actor_id, key, claim_token } = claim
    // A refusal (4xx) wrote nothing. On a fenced route an error frees the
    // key only if nothing was moved under it (else a retry replays what was).
    const settle =
      (status >= 400 && status < 500) || (fenced && status >= 500)
        ? service.releaseIdempotencyKey({ actor_id, key, claim_token })
        : service.completeIdempotencyKey({ actor_id, key, claim_token, response_status: status, response_body: body })
    settle
      .catch((e: unknown) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Affiliate: could not store the answer for ${IDEMPOTENCY_HEADER} "${key}": ${(e as Error).message}`)
      )
      .finally(() => send(body))
    return res
  }) as typeof res.json
}

function refuse(res: MedusaResponse, status: number, type: string, message: string) {
  res.status(status).json({ type, message })
}

/** The same request: method, URL and body (keys sorted, so their order doesn't matter). */
function requestHash(req: MedusaRequest): string {
  return idempotencyRequestHash(req.method, req.originalUrl, req.body)
}

export function idempotencyRequestHash(method: string, url: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${url}\n${canonicalJson(body ?? null)}`)
    .digest("hex")
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`
  }
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}
