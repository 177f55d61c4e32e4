// `npm run bench:checkout`: what a referral code costs at checkout. N carts
// with the code ADA10 applied (POST /store/carts/:id/referral) and N without,
// interleaved, on the same production server; the figure that matters is
// POST /store/carts/:id/complete, the call the shopper waits on. The whole
// flow (cart → order, including the referral call itself) is reported too.
//
// One checkout at a time, and before the next one starts the previous
// order's `order.placed` work (the plugin's accrual, for a referred order) is
// waited for, so each completion is timed on an idle server: the accrual runs
// after the response by design, and its own time is reported on its own line.
import { countAccrued, placeOrder, waitForSaleLines } from "./lib/checkout.mjs"
import { fmt, median, percentile, printContext, printTable, printVerdict, ratio } from "./lib/stats.mjs"
import { DEMO_CODES, log, runBenchmark } from "./lib/server.mjs"

const ORDERS = Number(process.env.BENCH_ORDERS || 30)
const WARMUP = Number(process.env.BENCH_WARMUP_ORDERS || 5)
const TARGET = 1.05

await runBenchmark("checkout", run)

async function run({ api, db, store }) {
  const samples = { plain: [], referred: [] }

  const checkout = async (referred) => {
    const order = await placeOrder(api, store, referred ? { code: DEMO_CODES.ada } : {})
    if (referred) {
      // Time from the response to the commission line: the accrual the shopper doesn't wait for.
      const started = performance.now()
      await waitForSaleLines(db, [order.orderId], { timeoutMs: 30_000, intervalMs: 5 })
      order.ms.accrued_after = performance.now() - started
    } else {
      // The same pause an accrual check takes, and the order.placed handlers a
      // plain order has (the plugin's finds no attribution) get to finish.
      await new Promise((r) => setTimeout(r, 50))
    }
    return order
  }

  log(`warm-up: ${WARMUP} checkouts of each kind`)
  for (let i = 0; i < WARMUP; i++) {
    await checkout(false)
    await checkout(true)
  }

  printContext("bench:checkout", {
    orders: `${ORDERS} with a referral code + ${ORDERS} without, interleaved (ABBA), after ${WARMUP}+${WARMUP} warm-up`,
    payment: "pp_autocapture_autocapture (captured at checkout)",
    server: "medusa start, NODE_ENV=production, 1 process",
  })
  for (let i = 0; i < ORDERS; i++) {
    // ABBA order, so neither kind always runs right after the other.
    const kinds = i % 2 === 0 ? [false, true] : [true, false]
    for (const referred of kinds) {
      const order = await checkout(referred)
      samples[referred ? "referred" : "plain"].push(order)
    }
    if ((i + 1) % 10 === 0) log(`${i + 1}/${ORDERS} pairs`)
  }

  // Every referred order earned a line, no plain one did: the referral was real.
  const referredIds = samples.referred.map((o) => o.orderId)
  const plainIds = samples.plain.map((o) => o.orderId)
  const accrued = await countAccrued(db, referredIds)
  const strayLines = await countAccrued(db, plainIds)
  if (accrued !== referredIds.length || strayLines !== 0) {
    throw new Error(`Expected ${referredIds.length} referred orders with a line and none without; got ${accrued} and ${strayLines}`)
  }

  const pick = (kind, key) => samples[kind].map((o) => o.ms[key]).filter((v) => v != null)
  const row = (label, key, { plain = true } = {}) => {
    const a = plain ? pick("plain", key) : []
    const b = pick("referred", key)
    return [
      label,
      plain ? fmt(median(a)) : "–",
      plain ? fmt(percentile(a, 90)) : "–",
      fmt(median(b)),
      fmt(percentile(b, 90)),
      plain ? ratio(median(b), median(a), 3) : "–",
      plain ? ratio(percentile(b, 90), percentile(a, 90), 3) : "–",
    ]
  }
  printTable(
    [
      { title: "ms" },
      { title: "without p50" },
      { title: "without p90" },
      { title: "with code p50" },
      { title: "with code p90" },
      { title: "ratio p50" },
      { title: "ratio p90" },
    ],
    [
      row("POST /store/carts/:id/complete", "complete"),
      row("whole flow (cart → order)", "flow"),
      row("  of which POST /store/carts/:id/referral", "referral", { plain: false }),
      row("commission line written, after complete", "accrued_after", { plain: false }),
    ]
  )

  const completeRatio = median(pick("referred", "complete")) / median(pick("plain", "complete"))
  return printVerdict(
    completeRatio <= TARGET,
    `POST /store/carts/:id/complete with a referral ≤ ${TARGET}× without (median)`,
    `measured ${completeRatio.toFixed(3)}×`
  )
}
