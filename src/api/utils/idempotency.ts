import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash, randomUUID } from "crypto"
import { IDEMPOTENCY_KEY_TTL_HOURS } from "../../modules/affiliate/idempotency/keys"
import { affiliateService } from "../../workflows/affiliate-service"

export const IDEMPOTENCY_HEADER = "Idempotency-Key"

/** Printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/

/** After this, an attempt still marked in progress is presumed dead, not slow. */
const STALE_AFTER_MS = 5 * 60 * 1000

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
 *   stored like a success, since whether money moved is then unknown.
 * Keys are kept 24 hours. An attempt that died before storing its answer
 * leaves its key "in progress": retries get a 409 saying so until it expires.
 */
export function idempotent() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
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
        const stale = Date.now() - found.since.getTime() > STALE_AFTER_MS
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
    rememberAnswer(req, res, service, claim)
    next()
  }
}

/**
 * Holds the route's answer (or the error handler's) until it is stored on the
 * key, so a client that gets an answer and retries always finds it.
 */
function rememberAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  service: ReturnType<typeof affiliateService>,
  claim: { actor_id: string; key: string; claim_token: string }
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
    const settle =
      status >= 400 && status < 500
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
