// A production build of this repository's host and the `medusa` processes that
// run it: `medusa build` once (cached by a hash of the sources), then
// `medusa db:migrate`, the demo store's seed, an admin user and `medusa start`
// with NODE_ENV=production, each as its own process. Shared by the benchmarks
// (bench/lib/server.mjs) and the tests that need real processes
// (integration-tests/reliability, integration-tests/production).
//
// The build runs in bench/.work/app, a copy of the host's sources with
// node_modules linked, because `medusa build` (like `npm run build`) writes to
// <project>/.medusa/server and must not clobber the project's own build.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { anyFreePort as freePort } from "./embedded-postgres.mjs"
import { stopProcessTree } from "./processes.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const WORK_DIR = path.join(ROOT, "bench", ".work")
const APP_DIR = path.join(WORK_DIR, "app")
export const BUILD_DIR = path.join(APP_DIR, ".medusa", "server")
const medusaBin = path.join(ROOT, "node_modules", ".bin", "medusa")

/** What the build copies from the project: the host and the plugin it loads from src/. */
const APP_SOURCES = ["medusa-config.ts", "tsconfig.json", "package.json", "src", "dev"]
export const ADMIN = { email: "admin@example.com", password: "supersecret" }

/** The two seeded codes (dev/seed.ts). */
export const DEMO_CODES = { ada: "ADA10", grace: "GRACE" }

/**
 * The same in build, migrate, seed and start: no admin bundle (it is static
 * files, irrelevant to the API and slow to build on 2 cores), no telemetry.
 * A production build refuses to start without strong secrets (medusa-config.ts
 * and the plugin's options): fresh ones per run, shared by all its processes.
 */
export const BASE_ENV = {
  MEDUSA_ADMIN_DISABLED: "true",
  MEDUSA_DISABLE_TELEMETRY: "true",
  JWT_SECRET: process.env.JWT_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  COOKIE_SECRET: process.env.COOKIE_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  AFFILIATE_SECRET: process.env.AFFILIATE_SECRET ?? crypto.randomBytes(32).toString("base64url"),
  STORE_URL: process.env.STORE_URL ?? "http://localhost:8000",
}

/**
 * Copies the host into bench/.work/app and runs `medusa build` there, unless
 * the copy's sources are unchanged since the last build (BENCH_REBUILD=1
 * forces one). Resolves true when it built, false when it reused the build.
 *
 * @param {{ logDir: string, track?: (child: import("node:child_process").ChildProcess) => void, log?: (m: string) => void }} options
 */
export async function buildApp({ logDir, track, log = () => {} }) {
  const hash = sourceHash()
  const stamp = path.join(APP_DIR, ".bench-build-hash")
  if (
    process.env.BENCH_REBUILD !== "1" &&
    fs.existsSync(path.join(BUILD_DIR, "medusa-config.js")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash
  ) {
    return false
  }

  log("building: copying the host to bench/.work/app and running medusa build")
  fs.mkdirSync(APP_DIR, { recursive: true })
  fs.rmSync(stamp, { force: true })
  for (const entry of APP_SOURCES) {
    fs.rmSync(path.join(APP_DIR, entry), { recursive: true, force: true })
    fs.cpSync(path.join(ROOT, entry), path.join(APP_DIR, entry), {
      recursive: true,
      filter: (source) => !isTestDir(source),
    })
  }
  linkNodeModules(APP_DIR)

  const env = { ...process.env, ...BASE_ENV }
  delete env.NODE_ENV
  try {
    await medusa(["build"], { env, cwd: APP_DIR, logPath: path.join(logDir, "build.log"), track })
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
  return true
}

/**
 * Migrates the database `env.DATABASE_URL`, seeds the demo store (dev/seed.ts)
 * and creates the admin user (ADMIN). Resolves with the store's publishable
 * key. Logs go to `<logDir>/<name>-{migrate,seed,user}.log`.
 */
export async function prepareDatabase({ env, logDir, name, track }) {
  await medusa(["db:migrate"], { env, logPath: path.join(logDir, `${name}-migrate.log`), track })
  const seedLog = path.join(logDir, `${name}-seed.log`)
  const seedOutput = await medusa(["exec", "./dev/seed.js"], { env, logPath: seedLog, track })
  const publishableKey = seedOutput.match(/publishable API key:\s*(pk_\w+)/)?.[1]
  if (!publishableKey) {
    throw new Error(`No publishable key in the seed's output (see ${seedLog})`)
  }
  const userLog = path.join(logDir, `${name}-user.log`)
  try {
    await medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], { env, logPath: userLog, track })
  } catch (e) {
    if (!/already exists/i.test(fs.readFileSync(userLog, "utf8"))) throw e
  }
  return { publishableKey }
}

/**
 * Starts `medusa start` from the build as its own process (its output appended
 * to `logPath`) and resolves once it answers /health (every worker mode
 * serves it; a `worker` serves nothing else). `env` must carry NODE_ENV and
 * DATABASE_URL.
 *
 * @returns {Promise<MedusaProcess>}
 */
export async function startMedusa({ env, logPath, port, track, timeoutMs = 180_000 }) {
  port ??= await freePort()
  const out = fs.openSync(logPath, "a")
  const child = spawn(medusaBin, ["start", "--port", String(port)], {
    cwd: BUILD_DIR,
    env,
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  track?.(child)
  let exited = null
  child.on("exit", (code, signal) => (exited = { code, signal }))
  // Last resort on an abrupt exit of this process: `exit` handlers can't wait.
  const onExit = () => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")
  process.on("exit", onExit)
  child.on("exit", () => process.off("exit", onExit))

  const baseUrl = `http://127.0.0.1:${port}`
  await waitForHealth(baseUrl, () => exited, logPath, timeoutMs)
  return {
    child,
    pid: child.pid,
    port,
    baseUrl,
    logPath,
    exited: () => exited,
    /** Stops the process and its children (SIGTERM, then SIGKILL after 15 s). */
    stop: () => stopProcessTree(child, { signal: "SIGTERM" }),
    /** `kill -9`: the process and its children at once, no shutdown hooks; resolves when it is gone. */
    kill: async () => {
      const gone = new Promise((resolve) => (exited ? resolve() : child.once("exit", resolve)))
      await stopProcessTree(child, { signal: "SIGKILL", timeoutMs: 5_000 })
      await gone
    },
  }
}

/**
 * @typedef {object} MedusaProcess
 * @property {import("node:child_process").ChildProcess} child
 * @property {number} pid
 * @property {number} port
 * @property {string} baseUrl e.g. http://127.0.0.1:34567
 * @property {string} logPath where its output goes
 * @property {() => ({ code: number|null, signal: string|null } | null)} exited
 * @property {() => Promise<void>} stop
 * @property {() => Promise<void>} kill
 */

/**
 * Runs the medusa CLI in the build directory (or `cwd`); its output goes to
 * `logPath` and is returned. Throws with the log's tail when it fails.
 */
export function medusa(args, { env, cwd = BUILD_DIR, logPath, track }) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    track?.(child)
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

/** Region, variants and shipping option ids of the demo store, read over HTTP. */
export async function describeStore(api) {
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

/** Logs in the seeded admin (ADMIN) and returns bearer headers. */
export async function adminHeaders(api) {
  const { data: auth } = await api.post("/auth/user/emailpass", ADMIN, { store: false })
  return { authorization: `Bearer ${auth.token}` }
}

export async function waitForHealth(baseUrl, exited, logPath, timeoutMs = 180_000) {
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

function linkNodeModules(dir) {
  const link = path.join(dir, "node_modules")
  fs.rmSync(link, { recursive: true, force: true })
  fs.symlinkSync(path.join(ROOT, "node_modules"), link, "dir")
}

/** sha256 over the paths and contents of everything the build copies. */
function sourceHash() {
  const hash = crypto.createHash("sha256")
  const walk = (rel) => {
    const abs = path.join(ROOT, rel)
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
