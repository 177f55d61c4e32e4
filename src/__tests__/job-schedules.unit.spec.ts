import fs from "node:fs"
import path from "node:path"
// The parser Medusa's workflow engines use to schedule jobs (same major).
import { parseExpression } from "cron-parser"

/**
 * Medusa's in-memory workflow engine (the default without Redis) waits for a
 * job's next run with `setTimeout`, which can't wait longer than 2^31 - 1 ms
 * (~24.8 days): a longer delay fires after 1 ms and the engine then spins
 * through the schedule, pinning a core. So no job may ever be more than 24
 * days from its next run, whatever day the server starts.
 */
const MAX_DELAY_MS = 24 * 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

// src/jobs holds only jobs (tools read every file there as one), so this test lives beside it.
const jobsDir = path.join(__dirname, "..", "jobs")
const jobs = fs
  .readdirSync(jobsDir)
  .filter((f) => f.endsWith(".ts"))
  .map((file) => ({ file, config: require(path.join(jobsDir, file)).config as { name: string; schedule: string } }))

describe("job schedules", () => {
  it("finds every job", () => {
    expect(jobs.length).toBeGreaterThanOrEqual(5)
    for (const { file, config } of jobs) {
      expect({ file, schedule: typeof config?.schedule }).toEqual({ file, schedule: "string" })
    }
  })

  it.each(jobs.map((j) => [j.config.name, j.config.schedule]))(
    "%s (%s) is never more than 24 days from its next run, from any start in 2027-2028",
    (_name, schedule) => {
      let worst = 0
      // Every day of two years (one of them leap), at several times of day,
      // so month and year boundaries and the minutes around a run are covered.
      for (let day = Date.UTC(2027, 0, 1); day < Date.UTC(2029, 0, 1); day += DAY_MS) {
        for (const offset of [0, 31 * 60_000, 12 * 3600_000]) {
          const start = new Date(day + offset)
          const next = parseExpression(schedule, { currentDate: start, utc: true }).next().getTime()
          worst = Math.max(worst, next - start.getTime())
        }
      }
      expect(worst).toBeLessThanOrEqual(MAX_DELAY_MS)
    }
  )

  it("the check itself fails for a monthly schedule", () => {
    const start = new Date("2026-12-01T01:00:00Z")
    const next = parseExpression("30 0 1 * *", { currentDate: start, utc: true }).next().getTime()
    expect(next - start.getTime()).toBeGreaterThan(MAX_DELAY_MS)
  })
})
