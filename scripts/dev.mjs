// `npm run dev`: the development server with a demo store, on nothing but Node.
// Unless DATABASE_URL is set, PostgreSQL is an embedded cluster kept in
// dev-data/.postgres between runs. Then: migrate, seed (idempotent), create the
// admin user once, and `medusa develop` on http://localhost:9000 (admin at /app).
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
const DATABASE = "medusa_affiliate_dev"
const ADMIN = { email: "admin@example.com", password: "supersecret" }

let child = null
// On Ctrl-C the terminal has signalled medusa too; on a SIGTERM sent to us
// alone it has not. Either way, wait for it before the database goes away.
onShutdown(() => stopProcessTree(child))

const started = Date.now()
let cluster = null
let exitCode = 0

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

  log(`starting medusa develop (${elapsed()}): http://localhost:${process.env.PORT ?? 9000}/app`)
  exitCode = await medusa(["develop"], { allowFailure: true })
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  exitCode = 1
} finally {
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

function log(message) {
  console.error(`[dev] ${message}`)
}

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`
}
