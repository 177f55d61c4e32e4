// `npm run dev`: the development server with a demo store, on nothing but Node.
// Unless DATABASE_URL is set, PostgreSQL is an embedded cluster kept in
// dev-data/.postgres between runs. Then: migrate, seed (idempotent), create the
// admin user once, and `medusa develop` on http://localhost:9000 (admin at /app).
// The partner portal (portal/) is built once into .medusa/server/portal while
// the database starts, and served at /partners; PORTAL_WATCH=1 also rebuilds
// it on every change (`vite build --watch`) while the server runs.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { onShutdown, startEmbeddedPostgres } from "./embedded-postgres.mjs"
import { stopProcessTree } from "./processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// Medusa's telemetry sender spins without internet; this host never needs it.
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
// The project's own CLI, not whatever `npx` might find or fetch.
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const viteBin = path.join(root, "node_modules", ".bin", "vite")
const PORTAL_VITE_CONFIG = path.join(root, "portal", "vite.config.mts")
const DATABASE = "medusa_affiliate_dev"
const ADMIN = { email: "admin@example.com", password: "supersecret" }

let child = null
let portalBuilder = null
// On Ctrl-C the terminal has signalled medusa too; on a SIGTERM sent to us
// alone it has not. Either way, wait for it before the database goes away.
onShutdown(() => Promise.all([stopProcessTree(child), stopProcessTree(portalBuilder)]))

const started = Date.now()
let cluster = null
let exitCode = 0

// Started first: it runs while PostgreSQL starts and the migrations run.
const portalBuilt = buildPortal()

try {
  if (!process.env.DATABASE_URL) {
    // Dot names: `medusa develop` restarts on any change in the project except
    // under dot paths (and node_modules, dist, ...), and PostgreSQL writes constantly.
    // DEV_DATA_DIR (a dot path, e.g. the browser tests' fresh cluster) replaces it.
    const dataDir = process.env.DEV_DATA_DIR ?? path.join(root, "dev-data", ".postgres")
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    const pgLog = fs.createWriteStream(path.join(path.dirname(dataDir), ".postgres.log"), { flags: "a" })
    cluster = await startEmbeddedPostgres({
      dataDir,
      persistent: true,
      preferredPort: 54320,
      databases: [DATABASE],
      log: (line) => pgLog.write(line + "\n"),
    })
    process.env.DATABASE_URL = cluster.url(DATABASE)
    log(`embedded PostgreSQL on port ${cluster.port}, data in ${path.relative(root, dataDir)} (${elapsed()})`)
  }

  await medusa(["db:migrate"])
  log(`migrated (${elapsed()})`)
  await medusa(["exec", "./dev/seed.ts"])
  log(`seeded (${elapsed()})`)
  await ensureAdminUser()
  await portalBuilt
  if (process.env.PORTAL_WATCH === "1") {
    portalBuilder = spawn(viteBin, ["build", "--watch", "-c", PORTAL_VITE_CONFIG], { cwd: root, env: process.env, stdio: "inherit" })
  }

  log(`starting medusa develop (${elapsed()}): http://localhost:${process.env.PORT ?? 9000}/app`)
  exitCode = await medusa(["develop"], { allowFailure: true })
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  exitCode = 1
} finally {
  await stopProcessTree(portalBuilder)
  await cluster?.stop().catch((e) => console.error(e))
}
process.exit(exitCode)

async function ensureAdminUser() {
  // With our own cluster a query is cheaper than booting the CLI; an external
  // database just gets the attempt, and "already exists" is fine.
  if (cluster) {
    const rows = await cluster
      .query(DATABASE, `SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL`, [ADMIN.email])
      .catch(() => [])
    if (rows.length) return
  }
  const { code, output } = await medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], {
    allowFailure: true,
    capture: true,
  })
  if (code !== 0 && !/already exists/i.test(output)) {
    throw new Error(`medusa user failed with exit code ${code}`)
  }
  log(`admin user: ${ADMIN.email} / ${ADMIN.password}`)
}

/**
 * Runs the medusa CLI. Resolves with the exit code (when `allowFailure`) or
 * throws on failure; with `capture`, output is also collected and returned.
 */
function medusa(args, { allowFailure = false, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    child = spawn(medusaBin, args, {
      cwd: root,
      env: process.env,
      stdio: capture ? ["inherit", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    if (capture) {
      child.stdout.on("data", (d) => (output += d, process.stdout.write(d)))
      child.stderr.on("data", (d) => (output += d, process.stderr.write(d)))
    }
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      child = null
      const status = code ?? (signal ? 1 : 0)
      if (status !== 0 && !allowFailure) {
        reject(new Error(`medusa ${args[0]} failed with exit code ${status}`))
      } else {
        resolve(capture ? { code: status, output } : status)
      }
    })
  })
}

/**
 * `vite build` of the partner portal. Never fails the dev server: without
 * a build, /partners says how to make one.
 */
function buildPortal() {
  return new Promise((resolve) => {
    const build = spawn(viteBin, ["build", "--logLevel", "warn", "-c", PORTAL_VITE_CONFIG], { cwd: root, env: process.env, stdio: "inherit" })
    build.on("error", (e) => (log(`portal build failed to start: ${e.message}`), resolve(false)))
    build.on("exit", (code) => {
      log(code === 0 ? `partner portal built (${elapsed()})` : `partner portal build failed (exit ${code}); /partners will say so`)
      resolve(code === 0)
    })
  })
}

function log(message) {
  console.error(`[dev] ${message}`)
}

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`
}
