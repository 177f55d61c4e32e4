// `npm test [-- jest args]`: runs the unit, module and HTTP tests in turn.
// Unless DB_HOST is set, they get a throwaway embedded PostgreSQL in .test-db/;
// @medusajs/test-utils creates and drops its own databases on it.
// The last line printed is always "N passed, M failed", for CI.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { onShutdown, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "./embedded-postgres.mjs"
import { isAlive, stopProcessTree } from "./processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const jestBin = path.join(root, "node_modules", "jest", "bin", "jest.js")
// With REDIS_URL, the money flows also run on Medusa's production profile
// (Redis event bus, workflow engine, cache, locking). The other layers always
// run on the in-memory defaults, so nothing but Node is needed by default.
const REDIS_URL = process.env.REDIS_URL
const TEST_TYPES = [
  "unit",
  "integration:modules",
  "integration:http",
  "integration:reliability",
  ...(REDIS_URL ? ["integration:production"] : []),
]
const extraArgs = process.argv.slice(2)

let current = null
let interrupted = false
onShutdown(() => {
  interrupted = true
  return stopProcessTree(current)
})

let cluster = null
let exitCode = 0
const totals = { passed: 0, failed: 0 }

try {
  if (!process.env.DB_HOST) {
    const started = Date.now()
    removeAbandonedClusters(path.join(root, ".test-db"))
    // One directory per run, so two runs side by side don't share a cluster.
    cluster = await startEmbeddedPostgres({
      dataDir: path.join(root, ".test-db", String(process.pid)),
      persistent: false,
    })
    // test-utils turns SSL on for any host other than "localhost".
    process.env.DB_HOST = "localhost"
    process.env.DB_PORT = String(cluster.port)
    process.env.DB_USERNAME = PG_USER
    process.env.DB_PASSWORD = PG_PASSWORD
    log(`embedded PostgreSQL on port ${cluster.port} (${ms(started)})`)
  } else {
    log(`using PostgreSQL at ${process.env.DB_HOST}:${process.env.DB_PORT ?? 5432}`)
  }
  if (!REDIS_URL) {
    log("REDIS_URL is not set: skipping the production-profile (Redis) tests")
  }

  for (const type of TEST_TYPES) {
    if (interrupted) break
    const started = Date.now()
    const { code, results } = await runJest(type)
    if (code !== 0) exitCode = 1
    if (results) {
      totals.passed += results.numPassedTests
      // A suite that could not run (syntax error, failed import) has no failed
      // tests; count it as one so a broken file never reads as green.
      totals.failed += results.numFailedTests + results.numRuntimeErrorTestSuites
    } else if (code !== 0) {
      totals.failed += 1
    }
    log(`${type}: exit ${code} (${ms(started)})`)
  }
} catch (e) {
  exitCode = 1
  console.error(e)
} finally {
  await cluster?.stop().catch((e) => console.error(e))
  removeEmptyDir(path.join(root, ".test-db"))
}

console.log(`${totals.passed} passed, ${totals.failed} failed`)
// Explicit: never let a lingering handle decide the exit code.
process.exit(exitCode)

async function runJest(type) {
  const outputFile = path.join(os.tmpdir(), `jest-${process.pid}-${type.replace(/\W/g, "-")}.json`)
  fs.rmSync(outputFile, { force: true })

  const args = [
    jestBin,
    "--runInBand",
    "--forceExit",
    "--passWithNoTests",
    "--json",
    `--outputFile=${outputFile}`,
    ...extraArgs,
  ]
  const { REDIS_URL: _redis, ...baseEnv } = process.env
  const env = {
    ...baseEnv,
    ...(type === "integration:production" ? { REDIS_URL } : {}),
    TEST_TYPE: type,
    // Medusa loads ESM-only dependencies with dynamic import() inside jest.
    // Each HTTP suite boots a whole Medusa app in this one process, and not all
    // of it is freed after the suite: about 200 MB stays per suite, so twenty
    // suites outgrew Node's default ~4 GB heap. The runner has 24 GiB; a larger
    // heap keeps the suites in one process (a recycled worker per suite is the
    // next step when this fills too).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=12288"]
      .filter(Boolean)
      .join(" "),
    MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true",
    // Medusa logs every migration and link sync at "info"; errors are what matter
    // here. `LOG_LEVEL=info npm test` brings the rest back.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  }

  log(`jest ${type}`)
  current = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" })
  const code = await new Promise((resolve) => {
    current.on("error", () => resolve(1))
    current.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)))
  })
  current = null

  let results = null
  try {
    results = JSON.parse(fs.readFileSync(outputFile, "utf8"))
  } catch {
    // jest crashed before writing results (e.g. a broken config); `code` says so.
  }
  fs.rmSync(outputFile, { force: true })
  return { code, results }
}

// A run killed with SIGKILL leaves its cluster running and its directory behind.
function removeAbandonedClusters(dir) {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const owner = Number(name)
    if (!Number.isInteger(owner) || isAlive(owner)) continue
    const clusterDir = path.join(dir, name)
    try {
      const postmaster = Number(fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0])
      const cmdline = fs.readFileSync(`/proc/${postmaster}/cmdline`, "utf8")
      if (cmdline.includes(clusterDir)) process.kill(postmaster, "SIGQUIT")
    } catch {
      // no postmaster left
    }
    fs.rmSync(clusterDir, { recursive: true, force: true })
  }
}

function removeEmptyDir(dir) {
  try {
    fs.rmdirSync(dir)
  } catch {
    // not empty (another run is using it) or already gone
  }
}

function log(message) {
  console.error(`[test] ${message}`)
}

function ms(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`
}
