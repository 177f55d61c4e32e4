import fs from "fs"
import path from "path"
import { Client, Pool } from "pg"

// Tests against real `medusa start` processes: the production build the
// benchmarks use (scripts/production-build.mjs), its own database, and as many
// server or worker processes as a test starts, killed or stopped as it says.
// The .mjs harness is shared with bench/ and loaded with a native import()
// (jest.config.js keeps dynamic imports as they are).

const ROOT = path.resolve(__dirname, "..", "..")
/** Logs of every process a reliability or production-profile test starts. */
export const LOG_DIR = path.join(ROOT, ".reliability", "logs")

type Build = typeof import("../../scripts/production-build.mjs")
type Processes = typeof import("../../scripts/processes.mjs")
type Http = typeof import("../../bench/lib/http.mjs")

export type HttpClient = ReturnType<Http["createClient"]>
export type MedusaProcess = Awaited<ReturnType<Build["startMedusa"]>>

export type ProductionHost = {
  /** postgres://… of the test's own database. */
  databaseUrl: string
  /** A small pool on it, for the test's SQL checks. */
  db: Pool
  publishableKey: string
  /** Starts `medusa start` (NODE_ENV=production) with `env` added; its log is `<name>-<label>.log`. */
  start: (label: string, env?: Record<string, string>) => Promise<MedusaProcess>
  /** Runs `medusa exec <script> [args]` in the build (e.g. ./src/scripts/x.js); resolves with its output. */
  exec: (script: string, args?: string[], env?: Record<string, string>) => Promise<string>
  /** A store/admin HTTP client for a started process (bench/lib/http.mjs). */
  client: (server: MedusaProcess) => HttpClient
  /** The id of the affiliate owning a seeded referral code (dev/seed.ts: ADA10, GRACE). */
  affiliateIdOf: (code: string) => Promise<string>
  /** Bearer headers of the seeded admin, logged in on `server`. */
  logIn: (server: MedusaProcess) => Promise<{ authorization: string }>
  /** Stops every process it started, closes the pool and drops the database. */
  stop: () => Promise<void>
}

/**
 * Builds the host in production mode (cached), creates the database `name`
 * (dropped first if a killed run left it) on the PostgreSQL of DB_HOST /
 * DB_PORT / DB_USERNAME / DB_PASSWORD (what `npm test` sets, or the CI's
 * server), or on a throwaway embedded PostgreSQL when DB_HOST is unset,
 * migrates it and seeds the demo store. `env` goes to every process
 * (e.g. REDIS_URL).
 */
export async function startProductionHost(
  name: string,
  { env: extraEnv = {} }: { env?: Record<string, string> } = {}
): Promise<ProductionHost> {
  const build: Build = await import("../../scripts/production-build.mjs")
  const processes: Processes = await import("../../scripts/processes.mjs")
  const http: Http = await import("../../bench/lib/http.mjs")
  fs.mkdirSync(LOG_DIR, { recursive: true })
  for (const file of fs.readdirSync(LOG_DIR).filter((file) => file.startsWith(`${name}-`))) {
    fs.rmSync(path.join(LOG_DIR, file), { force: true })
  }

  const children = new Set<any>()
  const track = (child: any) => {
    children.add(child)
    child.once("exit", () => children.delete(child))
  }
  const cleanups: (() => Promise<unknown>)[] = []
  const stop = async () => {
    for (const child of [...children]) await processes.stopProcessTree(child, { signal: "SIGTERM" })
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e))
  }

  try {
    const built = Date.now()
    if (await build.buildApp({ logDir: LOG_DIR, track })) {
      log(name, `built the host in ${((Date.now() - built) / 1000).toFixed(0)}s`)
    }

    const databaseUrl = await createDatabase(name, cleanups)
    const env = {
      ...process.env,
      ...build.BASE_ENV,
      ...extraEnv,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      // The test's own LOG_LEVEL=error would hide what explains a failure.
      LOG_LEVEL: "info",
    } as Record<string, string>
    // npm test runs the Redis suites with REDIS_URL; only the ones that ask get it.
    if (!extraEnv.REDIS_URL) delete env.REDIS_URL

    const { publishableKey } = await build.prepareDatabase({ env, logDir: LOG_DIR, name, track })
    const db = new Pool({ connectionString: databaseUrl, max: 4 })
    cleanups.push(() => db.end())

    const host: ProductionHost = {
      databaseUrl,
      db,
      publishableKey,
      start: (label, more = {}) =>
        build.startMedusa({ env: { ...env, ...more }, logPath: path.join(LOG_DIR, `${name}-${label}.log`), track }),
      exec: (script, args = [], more = {}) =>
        build.medusa(["exec", script, ...args], {
          env: { ...env, ...more },
          logPath: path.join(LOG_DIR, `${name}-exec-${path.basename(script, ".js")}.log`),
          track,
        }),
      client: (server) => http.createClient(server.baseUrl, { publishableKey }),
      affiliateIdOf: async (code) => {
        const { rows } = await db.query(
          `SELECT affiliate_id FROM affiliate_referral_code WHERE code = $1 AND deleted_at IS NULL`,
          [code]
        )
        return rows[0].affiliate_id
      },
      logIn: (server) => build.adminHeaders(http.createClient(server.baseUrl, { publishableKey })),
      stop,
    }
    return host
  } catch (e) {
    await stop()
    throw e
  }
}

/** Describes the demo store through a running server (regions, variants). */
export async function describeStore(api: HttpClient) {
  const build: Build = await import("../../scripts/production-build.mjs")
  return build.describeStore(api)
}

async function createDatabase(name: string, cleanups: (() => Promise<unknown>)[]): Promise<string> {
  let host = process.env.DB_HOST
  let port = process.env.DB_PORT ?? "5432"
  let user = process.env.DB_USERNAME ?? "postgres"
  let password = process.env.DB_PASSWORD ?? ""
  if (!host) {
    const { startEmbeddedPostgres, PG_USER, PG_PASSWORD } = await import("../../scripts/embedded-postgres.mjs")
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".reliability", `pg-${process.pid}`),
      persistent: false,
    })
    cleanups.push(() => cluster.stop())
    host = "127.0.0.1"
    port = String(cluster.port)
    user = PG_USER
    password = PG_PASSWORD
  }
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  const server = `postgres://${auth}@${host}:${port}`
  const admin = new Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  cleanups.push(async () => {
    if (process.env.KEEP_TEST_DATABASE) return
    const client = new Client({ connectionString: `${server}/postgres` })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end())
  })
  return `${server}/${name}`
}

/** A progress line on stderr, so a long test says where it is. */
export function log(name: string, message: string) {
  process.stderr.write(`[${name}] ${message}\n`)
}
