// The server every benchmark measures: a production build of this repository's
// host (`medusa build`, then `medusa start` from the build output with
// NODE_ENV=production), on a fresh embedded PostgreSQL or on DATABASE_URL,
// migrated and seeded with the demo store (dev/seed.ts).
//
// The build runs in bench/.work/app, a copy of the host's sources with
// node_modules linked, because `medusa build` (like `npm run build`) writes to
// <project>/.medusa/server and must not clobber the project's own build.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs"
import { stopProcessTree } from "../../scripts/processes.mjs"
import { onCleanup, runCleanups } from "./cleanup.mjs"
import { createClient } from "./http.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const WORK_DIR = path.join(root, "bench", ".work")
const APP_DIR = path.join(WORK_DIR, "app")
export const BUILD_DIR = path.join(APP_DIR, ".medusa", "server")
const LOG_DIR = path.join(WORK_DIR, "logs")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

/** What the build copies from the project: the host and the plugin it loads from src/. */
const APP_SOURCES = ["medusa-config.ts", "tsconfig.json", "package.json", "src", "dev"]
const DATABASE = "medusa_affiliate_bench"
export const ADMIN = { email: "admin@example.com", password: "supersecret" }

/** The two seeded codes (dev/seed.ts). */
export const DEMO_CODES = { ada: "ADA10", grace: "GRACE" }

// The same in build, migrate, seed and start: no admin bundle (it is static
// files, irrelevant to the API and slow to build on 2 cores), no telemetry.
// A production build refuses to start without strong secrets (medusa-config.ts
// and the plugin's options): fresh ones per run, shared by its processes.
const BASE_ENV = {
  MEDUSA_ADMIN_DISABLED: "true",
  MEDUSA_DISABLE_TELEMETRY: "true",
  JWT_SECRET: process.env.JWT_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  COOKIE_SECRET: process.env.COOKIE_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  AFFILIATE_SECRET: process.env.AFFILIATE_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  STORE_URL: process.env.STORE_URL ?? "http://localhost:8000",
}

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

  await buildApp()
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

  await medusa(["db:migrate"], { env, logName: `${name}-migrate` })
  log(`migrated (${since()})`)
  const seedOutput = await medusa(["exec", "./dev/seed.js"], { env, logName: `${name}-seed` })
  const publishableKey = seedOutput.match(/publishable API key:\s*(pk_\w+)/)?.[1]
  if (!publishableKey) {
    throw new Error(`No publishable key in the seed's output (see ${path.join(LOG_DIR, `${name}-seed.log`)})`)
  }
  await ensureAdminUser(env, name)
  log(`seeded (${since()})`)

  const port = await freePort()
  const serverLog = fs.createWriteStream(path.join(LOG_DIR, `${name}-server.log`))
  const server = spawn(medusaBin, ["start", "--port", String(port)], {
    cwd: BUILD_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  server.stdout.pipe(serverLog)
  server.stderr.pipe(serverLog)
  let exited = null
  server.on("exit", (code, signal) => (exited = { code, signal }))
  const stopServer = () => stopProcessTree(server, { signal: "SIGTERM" })
  onCleanup(stopServer)
  // Last resort on an abrupt exit: `exit` handlers can't wait.
  process.on("exit", () => server.exitCode === null && server.kill("SIGKILL"))

  const baseUrl = `http://127.0.0.1:${port}`
  await waitForHealth(baseUrl, () => exited, path.join(LOG_DIR, `${name}-server.log`))
  log(`medusa start (NODE_ENV=production) on ${baseUrl} (${since()})`)

  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  onCleanup(() => db.end())

  const api = createClient(baseUrl, { publishableKey })
  const store = await describeStore(api)
  const { data: auth } = await api.post("/auth/user/emailpass", ADMIN, { store: false })
  const adminHeaders = { authorization: `Bearer ${auth.token}` }

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
    exec: (script, logName = `${name}-exec`) => medusa(["exec", script], { env, logName }),
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

/** Region, variants and shipping option ids of the demo store, read over HTTP. */
async function describeStore(api) {
  const { data: regions } = await api.get("/store/regions")
  const usd = regions.regions.find((r) => r.currency_code === "usd")
  const eur = regions.regions.find((r) => r.currency_code === "eur")
  const { data: products } = await api.get("/store/products?fields=id,handle,*variants&limit=20")
  const variant = (handle) => products.products.find((p) => p.handle === handle)?.variants?.[0]?.id
  return {
    regionIds: { usd: usd.id, eur: eur.id },
    variantIds: {
      tshirt: variant("medusa-t-shirt"),
      sweatshirt: variant("medusa-sweatshirt"),
      mug: variant("medusa-mug"),
    },
  }
}

/**
 * Copies the host into bench/.work/app and runs `medusa build` there, unless
 * the copy's sources are unchanged since the last build (BENCH_REBUILD=1
 * forces one).
 */
async function buildApp() {
  const hash = sourceHash()
  const stamp = path.join(APP_DIR, ".bench-build-hash")
  if (
    process.env.BENCH_REBUILD !== "1" &&
    fs.existsSync(path.join(BUILD_DIR, "medusa-config.js")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash
  ) {
    return
  }

  log("building: copying the host to bench/.work/app and running medusa build")
  fs.mkdirSync(APP_DIR, { recursive: true })
  fs.rmSync(stamp, { force: true })
  for (const entry of APP_SOURCES) {
    fs.rmSync(path.join(APP_DIR, entry), { recursive: true, force: true })
    fs.cpSync(path.join(root, entry), path.join(APP_DIR, entry), {
      recursive: true,
      filter: (source) => !isTestDir(source),
    })
  }
  linkNodeModules(APP_DIR)

  const env = { ...process.env, ...BASE_ENV }
  delete env.NODE_ENV
  try {
    await medusa(["build"], { env, cwd: APP_DIR, logName: "build" })
  } catch (e) {
    // A type error makes `medusa build` exit 1 although it emitted the code.
    if (process.env.BENCH_IGNORE_TYPE_ERRORS !== "1") {
      throw new Error(`${e.message}\n(BENCH_IGNORE_TYPE_ERRORS=1 runs what was emitted anyway)`)
    }
    log("medusa build reported errors; BENCH_IGNORE_TYPE_ERRORS=1, going on with what it emitted")
  }
  // `medusa start` resolves packages from the build directory, as a deployed
  // build would after `npm install` there.
  linkNodeModules(BUILD_DIR)
  fs.writeFileSync(stamp, hash)
}

function linkNodeModules(dir) {
  const link = path.join(dir, "node_modules")
  fs.rmSync(link, { recursive: true, force: true })
  fs.symlinkSync(path.join(root, "node_modules"), link, "dir")
}

/** sha256 over the paths and contents of everything the build copies. */
function sourceHash() {
  const hash = crypto.createHash("sha256")
  const walk = (rel) => {
    const abs = path.join(root, rel)
    const stat = fs.statSync(abs)
    if (isTestDir(abs)) return
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) walk(path.join(rel, entry))
    } else {
      hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0")
    }
  }
  APP_SOURCES.forEach(walk)
  return hash.digest("hex")
}

// The tests stay out of the copy: they are not part of a deployed server.
function isTestDir(file) {
  return path.basename(file) === "__tests__"
}

async function ensureAdminUser(env, name) {
  try {
    await medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { env, logName: `${name}-user` })
  } catch (e) {
    const output = fs.readFileSync(path.join(LOG_DIR, `${name}-user.log`), "utf8")
    if (!/already exists/i.test(output)) throw e
  }
}

/**
 * Runs the medusa CLI in the build directory (or `cwd`); its output goes to
 * bench/.work/logs/<logName>.log and is returned. Throws with the log's tail
 * when it fails.
 */
function medusa(args, { env, cwd = BUILD_DIR, logName }) {
  const logPath = path.join(LOG_DIR, `${logName}.log`)
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    const stop = () => stopProcessTree(child)
    onCleanup(stop)
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      fs.writeFileSync(logPath, output)
      if (code === 0) return resolve(output)
      const tail = output.trimEnd().split("\n").slice(-25).join("\n")
      reject(new Error(`medusa ${args[0]} failed (${code ?? signal}); ${logPath}:\n${tail}`))
    })
  })
}

async function waitForHealth(baseUrl, exited, logPath, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited()) {
      const tail = fs.readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-25).join("\n")
      throw new Error(`medusa start exited (${JSON.stringify(exited())}); ${logPath}:\n${tail}`)
    }
    try {
      const res = await fetch(`${baseUrl}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`medusa start did not answer /health within ${timeoutMs / 1000}s (see ${logPath})`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function redact(url) {
  return url.replace(/\/\/([^:/]+):[^@]*@/, "//$1:***@")
}

export function log(message) {
  console.error(`[bench] ${message}`)
}
