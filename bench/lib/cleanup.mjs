// One place for "stop what we started" on a normal end, an error, and Ctrl-C.
//
// With an embedded PostgreSQL, scripts/embedded-postgres.mjs owns the signal
// handlers: it runs our hooks (onShutdown) before it stops the cluster, so the
// server never loses its database while it is still answering. With
// DATABASE_URL there is no cluster and nobody listens for signals, so we do.
import { onShutdown } from "../../scripts/embedded-postgres.mjs"

const hooks = []
let installed = false
let running = null

/**
 * Registers an async cleanup; hooks run last-registered first (the server
 * before the pool it uses), once, on `runCleanups()` or on a signal.
 */
export function onCleanup(hook) {
  hooks.unshift(hook)
  install()
}

/** Runs every hook once; later calls wait for the same run. */
export function runCleanups() {
  running ??= (async () => {
    for (const hook of hooks) {
      try {
        await hook()
      } catch (e) {
        console.error(`[bench] cleanup: ${e?.message ?? e}`)
      }
    }
  })()
  return running
}

function install() {
  if (installed) return
  installed = true
  // Used when the embedded cluster's handlers are installed (they run it first).
  onShutdown(() => runCleanups())
  // Installed here too: with DATABASE_URL the handlers above never exist. When
  // they do exist, both run; theirs waits for the same runCleanups() and then
  // stops the cluster and exits, ours only exits if nothing else will.
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
    process.on(signal, async () => {
      console.error(`[bench] ${signal}: stopping`)
      await runCleanups()
      if (process.listenerCount(signal) <= 1) process.exit(128 + number)
    })
  }
}
