// The server every benchmark measures: a production build of this repository's
// host (`medusa build`, then `medusa start` from the build output with
// NODE_ENV=production), on a fresh embedded PostgreSQL or on DATABASE_URL,
// migrated and seeded with the demo store (dev/seed.ts). The build and the
// processes come from scripts/production-build.mjs, which the reliability and
// production-profile tests use too.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs"
import {
  adminHeaders as logIn,
  BASE_ENV,
  buildApp,
  describeStore,
  medusa,
  prepareDatabase,
  startMedusa,
  WORK_DIR,
} from "../../scripts/production-build.mjs"
import { stopProcessTree } from "../../scripts/processes.mjs"
import { onCleanup, runCleanups } from "./cleanup.mjs"
import { createClient } from "./http.mjs"

export { ADMIN, BUILD_DIR, DEMO_CODES, WORK_DIR } from "../../scripts/production-build.mjs"

const LOG_DIR = path.join(WORK_DIR, "logs")
const DATABASE = "medusa_affiliate_bench"

/** Every child process is stopped on Ctrl-C or at the end (lib/cleanup.mjs). */
const track = (child) => onCleanup(() => stopProcessTree(child))

/**
 * Builds (when the sources changed), starts the database and the server, and
 * returns what a benchmark needs. Everything is stopped by `stop()`, or by
 * Ctrl-C through bench/lib/cleanup.mjs.
 *
 * @returns {Promise<BenchServer>}
 */
export async function startBenchServer({ name = "bench" } = {}) {
  const started = Date.now()
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`

  await buildApp({ logDir: LOG_DIR, track, log })
  log(`production build ready in bench/.work/app/.medusa/server (${since()})`)

  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const pgLog = fs.createWriteStream(path.join(LOG_DIR, `${name}-postgres.log`))
    // Throwaway, one per run: every run starts from the same seeded store.
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(WORK_DIR, `pg-${process.pid}`),
      persistent: false,
      databases: [DATABASE],
      log: (line) => pgLog.write(line + "\n"),
    })
    onCleanup(() => cluster.stop())
    databaseUrl = cluster.url(DATABASE)
    log(`embedded PostgreSQL on port ${cluster.port} (${since()})`)
  } else {
    log(`using DATABASE_URL (${redact(databaseUrl)})`)
  }
  const env = { ...process.env, ...BASE_ENV, NODE_ENV: "production", DATABASE_URL: databaseUrl }

  const { publishableKey } = await prepareDatabase({ env, logDir: LOG_DIR, name, track })
  log(`migrated and seeded (${since()})`)

  const serverLog = path.join(LOG_DIR, `${name}-server.log`)
  fs.rmSync(serverLog, { force: true })
  const server = await startMedusa({
    env,
    logPath: serverLog,
    track: (child) => onCleanup(() => stopProcessTree(child, { signal: "SIGTERM" })),
  })
  const baseUrl = server.baseUrl
  log(`medusa start (NODE_ENV=production) on ${baseUrl} (${since()})`)

  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  onCleanup(() => db.end())

  const api = createClient(baseUrl, { publishableKey })
  const store = await describeStore(api)
  const adminHeaders = await logIn(api)

  return {
    baseUrl,
    publishableKey,
    adminHeaders,
    api,
    db,
    store,
    /**
     * Runs `medusa exec <script>` (a path in the build, e.g.
     * ./src/scripts/rebuild-affiliate-stats.js) on the same database as the
     * server; resolves with its output, logged to bench/.work/logs/<logName>.log.
     */
    exec: (script, logName = `${name}-exec`) =>
      medusa(["exec", script], { env, logPath: path.join(LOG_DIR, `${logName}.log`), track }),
    /** Stops the server, the pool and the embedded database. */
    stop: runCleanups,
  }
}

/**
 * The whole life of a benchmark: starts the server, runs `run(server)` (which
 * prints its results and resolves true for PASS), stops everything, and exits
 * with 0 on PASS, 1 on FAIL or on an error. `options` go to startBenchServer.
 *
 * @param {string} name names the logs, e.g. "clicks" → bench/.work/logs/clicks-server.log
 * @param {(server: BenchServer) => Promise<boolean>} run
 * @param {Omit<Parameters<typeof startBenchServer>[0], "name">} [options]
 */
export async function runBenchmark(name, run, options = {}) {
  let exitCode = 1
  try {
    const server = await startBenchServer({ ...options, name })
    exitCode = (await run(server)) ? 0 : 1
  } catch (e) {
    console.error(e)
  } finally {
    await runCleanups()
  }
  process.exit(exitCode)
}

/**
 * @typedef {object} BenchServer
 * @property {string} baseUrl e.g. http://127.0.0.1:34567
 * @property {string} publishableKey the demo store's key (x-publishable-api-key)
 * @property {Record<string,string>} adminHeaders bearer token of the seeded admin
 * @property {ReturnType<typeof createClient>} api fetch client with the key set
 * @property {pg.Pool} db a small pool on the benchmark database
 * @property {Awaited<ReturnType<typeof describeStore>>} store regions, variants, shipping option
 * @property {(script: string, logName?: string) => Promise<string>} exec `medusa exec` in the build
 */

function redact(url) {
  return url.replace(/\/\/([^:/]+):[^@]*@/, "//$1:***@")
}

export function log(message) {
  console.error(`[bench] ${message}`)
}
