// `npm run bench:accrual`: how fast placed orders become commission lines.
//
// 1. Baseline: M referred orders are placed over HTTP, C at a time, on the
//    production server. Their rate is the server's order intake (the plugin's
//    order.placed accrual runs in the background meanwhile, as it does in
//    production).
// 2. The backlog: the accrual of those orders is undone in SQL (their sale
//    lines and customer bindings deleted, the attributions' order fields
//    reset), which leaves them exactly as orders whose `order.placed` was lost
//    look: attributed carts that became orders, no ledger line. That is what
//    the reconciliation job looks for.
// 3. Accrual: the accrue-order-commissions workflow runs on the same server
//    for every order of the backlog, through Medusa's admin route
//    POST /admin/workflows-executions/:id/run, first one at a time (what the
//    reconciliation job does) then K at a time (a burst of order.placed), each
//    on a fresh backlog; the clock stops when every order has its line (SQL).
//
// Target: the accrual drains a backlog at least as fast as the same server
// takes orders, so the ledger can't fall behind the shop. The lines written
// from the backlog are checked against the ones order.placed wrote.
import { countAccrued, placeOrder, pool, waitForSaleLines } from "./lib/checkout.mjs"
import { fmt, printContext, printTable, printVerdict, ratio } from "./lib/stats.mjs"
import { keepClearOf, RECONCILIATION_JOB } from "./lib/jobs.mjs"
import { DEMO_CODES, log, runBenchmark } from "./lib/server.mjs"

const BACKLOG = Number(process.env.BENCH_BACKLOG || 200)
const PLACE_CONCURRENCY = Number(process.env.BENCH_PLACE_CONCURRENCY || 4)
const BURST_CONCURRENCY = Number(process.env.BENCH_ACCRUAL_CONCURRENCY || 8)
const WORKFLOW = "accrue-order-commissions"

await runBenchmark("accrual", run)

async function run({ api, db, store, adminHeaders }) {
  log("warm-up: 5 referred orders")
  await pool(5, 1, () => placeOrder(api, store, { code: DEMO_CODES.ada }))

  printContext("bench:accrual", {
    backlog: `${BACKLOG} referred orders (ADA10, 2 items, captured at checkout)`,
    server: "medusa start, NODE_ENV=production, 1 process",
  })

  log(`placing ${BACKLOG} referred orders, ${PLACE_CONCURRENCY} at a time`)
  const placeStarted = performance.now()
  const orders = await pool(BACKLOG, PLACE_CONCURRENCY, () => placeOrder(api, store, { code: DEMO_CODES.ada }))
  const placeSeconds = (performance.now() - placeStarted) / 1000
  const orderIds = orders.map((o) => o.orderId)
  await waitForSaleLines(db, orderIds)
  const original = await saleLines(db, orderIds)
  log(`placed in ${placeSeconds.toFixed(1)}s; ${original.size} sale lines written by order.placed`)

  const runs = []
  for (const concurrency of [1, BURST_CONCURRENCY]) {
    // The reconciliation job would accrue the backlog itself if it ran in between.
    await keepClearOf(RECONCILIATION_JOB)
    await resetAccrual(db, orderIds)
    if ((await countAccrued(db, orderIds)) !== 0) throw new Error("The backlog still has lines after the reset")

    log(`accruing the backlog, ${concurrency} at a time`)
    const started = performance.now()
    await pool(orderIds.length, concurrency, async (i) => {
      const { data } = await api.post(
        `/admin/workflows-executions/${WORKFLOW}/run`,
        { input: { order_id: orderIds[i] } },
        { headers: adminHeaders, store: false }
      )
      const ack = data.acknowledgement
      if (!ack?.hasFinished || ack.hasFailed) {
        throw new Error(`${WORKFLOW} for ${orderIds[i]} did not finish: ${JSON.stringify(ack)}`)
      }
    })
    await waitForSaleLines(db, orderIds, { intervalMs: 5 })
    const seconds = (performance.now() - started) / 1000
    await expectSameLines(original, await saleLines(db, orderIds))
    runs.push({ concurrency, seconds })
  }

  const intake = BACKLOG / placeSeconds
  const rows = [
    [
      `checkout: orders placed, ${PLACE_CONCURRENCY} at a time (baseline)`,
      fmt(placeSeconds, 1),
      fmt(intake, 1),
      fmt((placeSeconds * 1000 * PLACE_CONCURRENCY) / BACKLOG, 0),
      "1.00×",
    ],
    ...runs.map(({ concurrency, seconds }) => [
      concurrency === 1
        ? "accrual: one at a time (reconciliation job)"
        : `accrual: ${concurrency} at a time (order.placed burst)`,
      fmt(seconds, 1),
      fmt(BACKLOG / seconds, 1),
      fmt((seconds * 1000 * concurrency) / BACKLOG, 0),
      ratio(BACKLOG / seconds, intake),
    ]),
  ]
  printTable(
    [
      { title: `${BACKLOG} orders` },
      { title: "seconds" },
      { title: "orders/s" },
      { title: "ms per order" },
      { title: "vs checkout" },
    ],
    rows
  )
  console.log(
    `\nlines written from the backlog: identical to the ${original.size} written by order.placed ` +
      "(order, affiliate, level, amount, currency)"
  )

  const slowest = Math.min(...runs.map((r) => BACKLOG / r.seconds))
  return printVerdict(
    slowest >= intake,
    "accrual drains a backlog at least as fast as the server places orders (orders/s, both modes)",
    `slowest accrual ${ratio(slowest, intake)} the checkout rate`
  )
}

/** Sale lines of the orders, keyed by order, affiliate and level. */
async function saleLines(db, orderIds) {
  const { rows } = await db.query(
    `SELECT order_id, affiliate_id, level, amount::text AS amount, currency_code
       FROM affiliate_commission_line
      WHERE order_id = ANY($1) AND type = 'sale' AND deleted_at IS NULL`,
    [orderIds]
  )
  return new Map(rows.map((r) => [`${r.order_id}/${r.affiliate_id}/${r.level}`, `${r.amount} ${r.currency_code}`]))
}

async function expectSameLines(expected, actual) {
  const differences = [...new Set([...expected.keys(), ...actual.keys()])].filter(
    (key) => expected.get(key) !== actual.get(key)
  )
  if (differences.length) {
    const key = differences[0]
    throw new Error(
      `${differences.length} sale lines differ from the ones order.placed wrote, e.g. ${key}: ` +
        `${expected.get(key) ?? "none"} before, ${actual.get(key) ?? "none"} now`
    )
  }
}

/**
 * Undoes what the accrual wrote for these orders, in one transaction: their
 * ledger lines and the customer bindings they created go, and their
 * attributions go back to "cart attributed, no order yet". Columns the
 * current schema doesn't have are skipped.
 */
async function resetAccrual(db, orderIds) {
  const columns = await tableColumns(db, "affiliate_attribution")
  const orderFields = ["order_id", "rejection_reason", "ordered_at", "order_total", "raw_order_total", "priced_version"].filter((c) =>
    columns.has(c)
  )
  const client = await db.connect()
  try {
    await client.query("BEGIN")
    await client.query("DELETE FROM affiliate_commission_line WHERE order_id = ANY($1)", [orderIds])
    if ((await tableColumns(db, "affiliate_customer_binding")).has("order_id")) {
      await client.query("DELETE FROM affiliate_customer_binding WHERE order_id = ANY($1)", [orderIds])
    }
    const { rowCount } = await client.query(
      `UPDATE affiliate_attribution SET ${orderFields.map((c) => `${c} = NULL`).join(", ")}
        WHERE order_id = ANY($1)`,
      [orderIds]
    )
    if (rowCount !== orderIds.length) {
      throw new Error(`Expected ${orderIds.length} attributions to reset, found ${rowCount}`)
    }
    await client.query("COMMIT")
  } catch (e) {
    await client.query("ROLLBACK")
    throw e
  } finally {
    client.release()
  }
}

async function tableColumns(db, table) {
  const { rows } = await db.query(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
    [table]
  )
  return new Set(rows.map((r) => r.column_name))
}
