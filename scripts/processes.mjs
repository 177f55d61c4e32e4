// Stopping child processes together with everything they started.
import fs from "node:fs"

/**
 * Sends `signal` to `proc` and all its descendants, waits up to `timeoutMs` for
 * all of them to exit, then SIGKILLs what is left. `medusa develop`, for one,
 * forks the real server and handles only SIGINT: signalling the parent alone
 * would orphan the server.
 */
export async function stopProcessTree(proc, { signal = "SIGINT", timeoutMs = 15_000 } = {}) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
  const tree = [proc.pid, ...descendants(proc.pid)]
  for (const pid of tree) send(pid, signal)
  const deadline = Date.now() + timeoutMs
  while (tree.some(isAlive) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
  }
  for (const pid of tree.filter(isAlive)) send(pid, "SIGKILL")
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === "EPERM"
  }
}

// Linux: children are found through /proc/<pid>/stat (field 4 is the parent).
function descendants(root) {
  const byParent = new Map()
  for (const entry of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)])
    } catch {
      // exited while we looked
    }
  }
  const found = []
  const queue = [root]
  while (queue.length) {
    for (const child of byParent.get(queue.shift()) ?? []) {
      found.push(child)
      queue.push(child)
    }
  }
  return found
}

function send(pid, signal) {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}
