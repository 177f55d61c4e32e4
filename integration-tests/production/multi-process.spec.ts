import { Queue } from "bullmq"
import fs from "fs"
// Both come with Medusa's Redis modules (@medusajs/event-bus-redis).
import { Redis } from "ioredis"
import {
  describeStore,
  log,
  type HttpClient,
  type MedusaProcess,
  type ProductionHost,
  startProductionHost,
} from "../helpers/production-host"
import { checkLedger } from "../helpers/ledger-invariants"

// The production profile at more than one process (docs/RELIABILITY.md):
// `medusa start` processes from the production build on one PostgreSQL and one
// Redis, two with MEDUSA_WORKER_MODE=server (HTTP only) and one with
// MEDUSA_WORKER_MODE=worker (subscribers and jobs only), with Medusa's Redis
// event bus, workflow engine, cache and locking (medusa-config.ts with
// REDIS_URL). Checks:
// - 20 payouts for one affiliate at once, split over the two servers: one
//   pays, each line is paid once, the balance never goes below zero;
// - `order.placed` emitted twice more through the event bus for an order
//   already accrued: one set of lines;
// - the jobs: only the worker runs them, each once per tick (the
//   every-minute report refresh, observed through a trigger on the row it
//   writes, tagged with each process's `application_name`).
// Runs only when REDIS_URL is set.

jest.setTimeout(300_000)

const NAME = "affiliate_production_multi"
const CODE = "ADA10"
const RACING_PAYOUTS = 20
/** Its own Redis database, so BullMQ queues of other runs or suites never mix with ours. */
const REDIS_DB = Number(process.env.MULTI_PROCESS_REDIS_DB ?? 13)

const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip

describeWithRedis("production profile: server and worker processes", () => {
  let host: ProductionHost
  let server: MedusaProcess
  let server2: MedusaProcess
  let worker: MedusaProcess
  let api: HttpClient
  let api2: HttpClient
  let admin: { headers: { authorization: string }; store: false }
  let checkout: typeof import("../../bench/lib/checkout.mjs")
  let store: Awaited<ReturnType<typeof describeStore>>
  let affiliateId: string
  let redisUrl: string
  let orderIds: string[] = []
  let workerStartedAt: Date

  beforeAll(async () => {
    const started = Date.now()
    redisUrl = withDatabase(process.env.REDIS_URL!, REDIS_DB)
    await flushRedis(redisUrl)
    checkout = await import("../../bench/lib/checkout.mjs")
    host = await startProductionHost(NAME, { env: { REDIS_URL: redisUrl } })
    await recordJobRuns(host)

    // Tagged connections: the trigger records which process wrote.
    const start = (label: string, mode: string) =>
      host.start(label, { MEDUSA_WORKER_MODE: mode, DATABASE_URL: tagged(host.databaseUrl, `medusa-${label}`) })
    ;[server, server2, worker] = await Promise.all([
      start("server", "server"),
      start("server-2", "server"),
      start("worker", "worker"),
    ])
    workerStartedAt = new Date()
    api = host.client(server)
    api2 = host.client(server2)
    admin = { headers: await host.logIn(server), store: false }
    store = await describeStore(api)
    affiliateId = await host.affiliateIdOf(CODE)
    log("multi-process", `two servers and a worker up in ${((Date.now() - started) / 1000).toFixed(0)}s`)
  })

  afterAll(async () => {
    await host?.stop()
    if (redisUrl) await flushRedis(redisUrl).catch(() => undefined)
  })

  it("runs on the Redis modules, with order.placed handled by the worker process", async () => {
    const placed = await checkout.pool(4, 2, () => checkout.placeOrder(api, store, { code: CODE }))
    orderIds = placed.map((order: any) => order.orderId)
    // The server has no event worker: lines appear only if the worker handles the events.
    await checkout.waitForSaleLines(host.db, orderIds, { timeoutMs: 60_000, intervalMs: 200 })
    const { rows } = await host.db.query(
      `SELECT application_name, COUNT(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND application_name LIKE 'medusa-%' GROUP BY 1 ORDER BY 1`,
      [NAME]
    )
    // The tags reach PostgreSQL (the job check below relies on them).
    expect(rows.map((row) => row.application_name)).toEqual(expect.arrayContaining(["medusa-server", "medusa-worker"]))
  })

  it("pays each line once when 20 payouts for one affiliate race on two server processes", async () => {
    const { rows: lines } = await host.db.query(
      `SELECT id FROM affiliate_commission_line WHERE order_id = ANY($1) AND type = 'sale' AND deleted_at IS NULL`,
      [orderIds]
    )
    await api.post("/admin/affiliate-commissions/approve", { ids: lines.map((line) => line.id) }, admin)
    const before = await balance(api, admin, affiliateId)
    expect(before.available).toBeGreaterThan(0)

    const answers = await Promise.all(
      Array.from({ length: RACING_PAYOUTS }, (_, i) =>
        (i % 2 ? api2 : api).post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd" }, { ...admin, allowError: true })
      )
    )
    const statuses = answers.map((answer) => answer.status)
    log("multi-process", `${RACING_PAYOUTS} racing payouts answered ${summarize(statuses)}`)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.filter((status) => status < 300)).toHaveLength(1)

    const { rows: paid } = await host.db.query(
      `SELECT p.id, p.amount::text AS amount, COUNT(l.id)::int AS lines
         FROM affiliate_payout p LEFT JOIN affiliate_commission_line l ON l.payout_id = p.id
        WHERE p.affiliate_id = $1 AND p.status = 'paid' GROUP BY p.id`,
      [affiliateId]
    )
    expect(paid).toHaveLength(1)
    expect(Number(paid[0].amount)).toBeCloseTo(before.available, 2)
    const after = await balance(api, admin, affiliateId)
    expect(after.available).toBeCloseTo(0, 2)
    expect(after.paid).toBeCloseTo(before.paid + before.available, 2)
    const ledger = await checkLedger(host.db)
    expect(ledger.payoutMismatches).toEqual([])
    expect(ledger.duplicated).toEqual({ sales: [], reversals: [], overReversed: [] })
  })

  it("handles a duplicated order.placed once (one set of lines)", async () => {
    const orderId = orderIds[0]
    const linesOf = async () =>
      (
        await host.db.query(
          `SELECT id, type, level, amount::text AS amount FROM affiliate_commission_line
            WHERE order_id = $1 AND deleted_at IS NULL ORDER BY id`,
          [orderId]
        )
      ).rows
    const before = await linesOf()
    const handled = () => deliveries(worker, "order.placed")
    const handledBefore = handled()
    // Twice more, in one batch: the worker handles the copies side by side.
    await host.exec("./dev/scripts/emit-event.js", ["order.placed", JSON.stringify({ id: orderId }), "2"])
    await drained(redisUrl)
    // Both copies were delivered (to the worker; the server handles no event) ...
    expect(handled()).toBe(handledBefore + 2)
    expect(deliveries(server, "order.placed") + deliveries(server2, "order.placed")).toBe(0)
    // ... and changed nothing.
    expect(await linesOf()).toEqual(before)
    const ledger = await checkLedger(host.db)
    expect(ledger.duplicated).toEqual({ sales: [], reversals: [], overReversed: [] })
    expect(ledger.lost).toEqual({ sales: [], cancellations: [], refunds: [] })
  })

  it("runs the jobs in the worker only, once per tick", async () => {
    // The every-minute refresh at the first two minute boundaries after the
    // worker started: one run each.
    const ticks = (at: Date) => Math.floor(at.getTime() / 60_000)
    const firstWholeTick = ticks(workerStartedAt) + 1
    const until = (firstWholeTick + 1) * 60_000 + 15_000
    if (Date.now() < until) {
      log("multi-process", `waiting ${Math.ceil((until - Date.now()) / 1000)}s for two ticks of the refresh job`)
      await new Promise((resolve) => setTimeout(resolve, until - Date.now()))
    }
    const { rows: runs } = await host.db.query(`SELECT app, at FROM test_job_run ORDER BY at`)
    const perTick = new Map<number, number>()
    for (const run of runs) {
      const tick = ticks(new Date(run.at))
      if (tick >= firstWholeTick && tick < firstWholeTick + 2) perTick.set(tick, (perTick.get(tick) ?? 0) + 1)
    }
    log(
      "multi-process",
      `refresh job runs: ${runs.length} in all, by ${summarize(runs.map((run) => run.app))}; ` +
        `per whole minute: ${[...perTick.values()].join(", ")}`
    )
    expect(runs.filter((run) => run.app !== "medusa-worker")).toEqual([])
    expect([...perTick.values()]).toEqual([1, 1])
  })
})

/** How many deliveries of `event` the process's event bus logged ("Processing order.placed …"). */
function deliveries(medusa: MedusaProcess, event: string) {
  return fs.readFileSync(medusa.logPath, "utf8").split(`Processing ${event} `).length - 1
}

/** Balance in USD through the admin API, as numbers. */
async function balance(api: HttpClient, admin: object, affiliateId: string) {
  const { data } = await api.get(`/admin/affiliates/${affiliateId}/balances`, admin)
  const usd = data.balances.find((b: any) => b.currency_code === "usd") ?? {}
  return { available: Number(usd.available ?? 0), paid: Number(usd.paid ?? 0) }
}

/**
 * A trigger on the refresh job's own bookkeeping row (`sales_refreshed_at` in
 * affiliate_stat_state, written once per refresh) records when it was written
 * and by which process. Nothing else in this test refreshes the report model
 * (no report or balance-list request is made).
 */
async function recordJobRuns(host: ProductionHost) {
  await host.db.query(`
    CREATE TABLE test_job_run (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(), app text);
    CREATE FUNCTION test_record_job_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.key = 'sales_refreshed_at' THEN
          INSERT INTO test_job_run (app) VALUES (current_setting('application_name'));
        END IF;
        RETURN NEW;
      END $$;
    CREATE TRIGGER test_record_job_run AFTER INSERT OR UPDATE ON affiliate_stat_state
      FOR EACH ROW EXECUTE FUNCTION test_record_job_run();
  `)
}

function tagged(databaseUrl: string, applicationName: string) {
  const url = new URL(databaseUrl)
  url.searchParams.set("application_name", applicationName)
  return url.toString()
}

function withDatabase(redisUrl: string, db: number) {
  const url = new URL(redisUrl)
  url.pathname = `/${db}`
  return url.toString()
}

async function flushRedis(redisUrl: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  try {
    await redis.flushdb()
  } finally {
    redis.disconnect()
  }
}

/**
 * Resolves when the event bus's queue (Medusa's Redis event bus: BullMQ queue
 * "events-queue", prefix "RedisEventBusService") has nothing waiting or
 * running, twice in a row 500 ms apart.
 */
async function drained(redisUrl: string, timeoutMs = 60_000) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue("events-queue", { prefix: "RedisEventBusService", connection })
  try {
    const deadline = Date.now() + timeoutMs
    let quiet = 0
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error(`The event queue did not drain within ${timeoutMs / 1000}s`)
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized")
      quiet = Object.values(counts).every((count) => count === 0) ? quiet + 1 : 0
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  } finally {
    await queue.close()
    connection.disconnect()
  }
}

function summarize(values: (string | number)[]) {
  const counts = new Map<string | number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, count]) => `${count}× ${value}`).join(", ")
}
