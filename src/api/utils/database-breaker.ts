import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The longest a probe may take before the database counts as down. */
const PROBE_TIMEOUT_MS = 1000
/** While the breaker is open, at most one probe per this interval. */
const PROBE_INTERVAL_MS = 1000

export const DATABASE_UNAVAILABLE_MESSAGE = "The affiliate service's database is unavailable; retry later"

type KnexLike = {
  client?: {
    pool?: { on?: (event: string, listener: (...args: unknown[]) => void) => void }
    acquireRawConnection?: () => Promise<{ query: (sql: string) => Promise<unknown> }>
    destroyRawConnection?: (connection: unknown) => Promise<void>
  }
}

/**
 * A circuit breaker in front of the plugin's routes, so that while PostgreSQL
 * is down they answer 503 at once instead of waiting for the pool's acquire
 * timeout (~60 s) and then answering 500.
 *
 * Closed (the usual state) it costs no query. It opens when the connection
 * pool fails to open a connection (knex's `createFail`, which fires at once
 * on a refused or broken connection). Open, it answers 503, and lets a
 * request through only after a probe (a fresh connection and `SELECT 1`,
 * outside the pool, within 1 s, at most one a second) succeeds, which closes
 * it again.
 *
 * A read (GET, HEAD) already waiting for a connection when the breaker opens
 * is answered 503 at once too; its handler is left to fail unseen. A write
 * that was waiting is not: it may still run if the database comes back
 * before the pool gives up, and a 503 would invite a second attempt.
 */
export class DatabaseBreaker {
  protected open_ = false
  protected probe_: Promise<boolean> | null = null
  protected lastProbeAt_ = 0
  /** Reads in flight, to answer when the breaker opens. */
  protected readonly waiting_ = new Set<() => void>()

  constructor(protected readonly knex_: KnexLike) {
    knex_.client?.pool?.on?.("createFail", () => this.trip())
  }

  /** Calls `onOpen` if the breaker opens before the returned function is called. */
  watch(onOpen: () => void): () => void {
    this.waiting_.add(onOpen)
    return () => this.waiting_.delete(onOpen)
  }

  get isOpen(): boolean {
    return this.open_
  }

  /** Opens the breaker: the next requests wait for a probe. */
  trip(): void {
    this.open_ = true
    const waiting = [...this.waiting_]
    this.waiting_.clear()
    for (const onOpen of waiting) {
      onOpen()
    }
  }

  /** Whether a request may use the database now. */
  async allows(): Promise<boolean> {
    if (!this.open_) {
      return true
    }
    if (!this.probe_ && Date.now() - this.lastProbeAt_ >= PROBE_INTERVAL_MS) {
      this.lastProbeAt_ = Date.now()
      this.probe_ = probeDatabase(this.knex_, PROBE_TIMEOUT_MS)
        .then((ok) => {
          if (ok) {
            this.open_ = false
          }
          return ok
        })
        .finally(() => {
          this.probe_ = null
        })
    }
    return this.probe_ ? await this.probe_ : false
  }
}

/** `SELECT 1` on a connection of its own (the pool's may all be waiting), in at most `timeoutMs`. */
export async function probeDatabase(knex: KnexLike, timeoutMs: number): Promise<boolean> {
  const client = knex.client
  if (!client?.acquireRawConnection || !client.destroyRawConnection) {
    return true
  }
  const destroy = (connection: unknown) => client.destroyRawConnection!(connection).catch(() => undefined)
  const connecting = client.acquireRawConnection()
  let connection: Awaited<typeof connecting> | undefined
  try {
    connection = await withTimeout(connecting, timeoutMs)
    await withTimeout(connection.query("SELECT 1"), timeoutMs)
    return true
  } catch {
    if (!connection) {
      // A connection that opens after the timeout is closed when it does.
      connecting.then(destroy, () => undefined)
    }
    return false
  } finally {
    if (connection) {
      void destroy(connection)
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // A timer that fires late (a long garbage-collection pause, a blocked
        // event loop) runs before the I/O that completed meanwhile is read:
        // give that I/O one turn of the loop (the poll phase comes before
        // setImmediate's), so a database that answered in time isn't taken
        // for down.
        setImmediate(() => reject(new Error(`timed out after ${ms} ms`)))
      }, ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

const breakers = new WeakMap<object, DatabaseBreaker>()

/** The breaker of the app's shared database connection (the affiliate module uses it too). */
export function databaseBreaker(req: MedusaRequest): DatabaseBreaker | null {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as
    | (KnexLike & object)
    | undefined
  if (!knex) {
    return null
  }
  let breaker = breakers.get(knex)
  if (!breaker) {
    breaker = new DatabaseBreaker(knex)
    breakers.set(knex, breaker)
  }
  return breaker
}

/** Middleware: 503 at once while the database is known to be down (see `DatabaseBreaker`). */
export async function failFastWithoutDatabase(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const breaker = databaseBreaker(req)
  if (!breaker) {
    return next()
  }
  if (breaker.isOpen && !(await breaker.allows())) {
    return answerUnavailable(res)
  }
  if (req.method === "GET" || req.method === "HEAD") {
    const unwatch = breaker.watch(() => {
      if (!res.headersSent) {
        answerUnavailable(res)
        // The handler is still waiting for a connection; whatever it answers
        // later goes nowhere.
        const ignore = () => res
        res.status = ignore as unknown as typeof res.status
        res.json = ignore as unknown as typeof res.json
        res.send = ignore as unknown as typeof res.send
      }
    })
    res.on("close", unwatch)
  }
  next()
}

function answerUnavailable(res: MedusaResponse) {
  res.setHeader("Retry-After", "1")
  res.status(503).json({ type: "database_error", message: DATABASE_UNAVAILABLE_MESSAGE })
}
