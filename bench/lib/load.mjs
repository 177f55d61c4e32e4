// Concurrent HTTP load with autocannon, reduced to the figures the tables print.
import autocannon from "autocannon"

/** Connections, seconds of warm-up and of measurement; each can be set by environment. */
export const LOAD_DEFAULTS = {
  connections: envNumber("BENCH_CONNECTIONS", 20),
  warmupSeconds: envNumber("BENCH_WARMUP", 3),
  durationSeconds: envNumber("BENCH_DURATION", 10),
}

/**
 * Runs a warm-up, then the measured load, against one route.
 *
 * @param {object} target
 * @param {string} target.url full URL (the base; `path` may vary per request)
 * @param {string} [target.method]
 * @param {Record<string,string>} [target.headers]
 * @param {(i: number) => { path?: string, headers?: Record<string,string>, body?: string }} [target.vary]
 *   called for every request with a running number: what differs from the defaults
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(target, { connections, warmupSeconds, durationSeconds } = LOAD_DEFAULTS) {
  const warmup = warmupSeconds > 0 ? await fire(target, connections, warmupSeconds) : null
  return { ...(await fire(target, connections, durationSeconds)), warmup }
}

/**
 * @typedef {object} LoadResult
 * @property {number} rps mean requests per second (autocannon's Req/Sec average)
 * @property {number} p50 latency in ms
 * @property {number} p90
 * @property {number} p99
 * @property {number} total responses received
 * @property {number} ok 2xx and 3xx responses
 * @property {number} failed other responses, connection errors and timeouts
 * @property {Record<string, number>} statuses count per status code
 * @property {LoadResult | null} warmup the same figures for the warm-up
 */

let sequence = 0

async function fire({ url, method = "GET", headers = {}, vary }, connections, seconds) {
  const result = await autocannon({
    url,
    method,
    headers,
    connections,
    duration: seconds,
    // Requests are built here, in the benchmark's process: keep it light.
    requests: vary
      ? [
          {
            setupRequest: (request) => {
              const change = vary(sequence++)
              return {
                ...request,
                ...(change.path ? { path: change.path } : {}),
                ...(change.body !== undefined ? { body: change.body } : {}),
                headers: { ...request.headers, ...change.headers },
              }
            },
          },
        ]
      : undefined,
  })
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])
  )
  const total = Object.values(statuses).reduce((a, b) => a + b, 0)
  const ok = Object.entries(statuses)
    .filter(([code]) => code >= 200 && code < 400)
    .reduce((sum, [, count]) => sum + count, 0)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    total,
    ok,
    failed: total - ok + result.errors,
    statuses,
  }
}

function envNumber(name, fallback) {
  const value = Number(process.env[name])
  return Number.isFinite(value) && process.env[name] !== "" && process.env[name] != null ? value : fallback
}
