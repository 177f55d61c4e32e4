// The plugin's scheduled jobs that can change what a benchmark measures if
// they run in the middle of it (src/jobs/*.ts), and a way to wait them out.
import { log } from "./server.mjs"

/** `*\/30 * * * *`: accrues orders whose order.placed was lost. */
export const RECONCILIATION_JOB = { name: "reconcile-affiliate-commissions", periodMinutes: 30, offsetMinutes: 0 }
/** `15 * * * *`: approves lines whose hold period has passed (a ledger write). */
export const APPROVAL_JOB = { name: "approve-affiliate-commissions", periodMinutes: 60, offsetMinutes: 15 }

/**
 * Waits, if needed, so that `job` neither runs within the next `marginMs`
 * (what is about to be measured) nor ran less than `afterMs` ago (its
 * effects still last). Schedules are in the server's local time, as here.
 */
export async function keepClearOf(job, { marginMs = 120_000, afterMs = 20_000 } = {}) {
  const period = job.periodMinutes * 60_000
  const now = new Date()
  const intoHour = now.getMinutes() * 60_000 + now.getSeconds() * 1000 + now.getMilliseconds()
  const sinceRun = (((intoHour - job.offsetMinutes * 60_000) % period) + period) % period
  const untilNext = period - sinceRun
  const wait = sinceRun < afterMs ? afterMs - sinceRun : untilNext < marginMs ? untilNext + afterMs : 0
  if (wait > 0) {
    log(`waiting ${Math.ceil(wait / 1000)}s to keep clear of the ${job.name} job`)
    await new Promise((r) => setTimeout(r, wait))
  }
}
