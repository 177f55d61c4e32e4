import {
  describeStore,
  log,
  type HttpClient,
  type MedusaProcess,
  type ProductionHost,
  startProductionHost,
} from "../helpers/production-host"
import { checkLedger, type LedgerCheck } from "../helpers/ledger-invariants"

// Nothing lost, nothing twice, whatever crashes (docs/RELIABILITY.md).
//
// A production build runs as its own `medusa start` process (in-memory event
// bus and workflow engine, as a single-process store runs). Each round sends,
// all at once, 10 referred checkouts, partial refunds and cancellations of
// orders from earlier rounds, and a payout; then `kill -9`s the server at a
// different point (ROUNDS): mid-way through the checkouts, right after them,
// mid-accrual, and while a refund or cancellation has no negative line yet,
// the last two seen in the database. In-memory events of a killed
// process are gone for good, exactly the case the reconciliation exists for.
// The server is restarted, the reconciliation job runs once
// (src/scripts/reconcile-affiliate-commissions.ts through `medusa exec`, the
// job's own code, run now instead of on its half-hourly schedule), and SQL
// checks the whole ledger (helpers/ledger-invariants.ts): lost = 0, duplicated = 0,
// every payout's lines add up to its amount.

jest.setTimeout(600_000)

const NAME = "affiliate_reliability_crash"
const CHECKOUTS = 10
const RECONCILE = "./src/scripts/reconcile-affiliate-commissions.js"
const CODE = "ADA10"

type Traffic = {
  /** Resolves when `n` checkouts have answered (or failed). */
  checkoutsAnswered: (n: number) => Promise<void>
  /** Starts the refunds, cancellations and payout (unless already started); resolves when the first refund or cancellation answers. */
  startMoneyMoves: () => Promise<void>
  /** Resolves as soon as `sql` (polled every 25 ms) returns a row with `hit` true, or when `fallback` resolves. */
  sees: (sql: string, params: unknown[], fallback: Promise<void>) => Promise<void>
  /** The round's refund and cancellation targets. */
  targets: Targets
  /** When the round started (for rows it wrote). */
  since: Date
}

type Round = {
  name: string
  /** Whether refunds, cancellations and the payout start with the checkouts. */
  movesWithCheckouts: boolean
  /** Resolves at the moment the server is to be killed. */
  killWhen: (traffic: Traffic) => Promise<void>
}

const ROUNDS: Round[] = [
  {
    name: "mid-way through the checkouts (5 of 10 answered)",
    movesWithCheckouts: true,
    killWhen: (t) => t.checkoutsAnswered(5),
  },
  {
    name: "right after the checkouts answered",
    movesWithCheckouts: true,
    killWhen: (t) => t.checkoutsAnswered(CHECKOUTS),
  },
  {
    // The state a non-atomic accrual passes through: the order credited to
    // the affiliate, its lines not written yet. Never visible once the
    // accrual is one transaction; then the kill comes at the 8th answer.
    name: "mid-accrual (an attributed order without lines is visible)",
    movesWithCheckouts: true,
    killWhen: (t) =>
      t.sees(
        `SELECT EXISTS (
           SELECT 1 FROM affiliate_attribution a
            WHERE a.order_id IS NOT NULL AND a.deleted_at IS NULL AND a.updated_at >= $1
              AND NOT EXISTS (SELECT 1 FROM affiliate_commission_line l
                               WHERE l.order_id = a.order_id AND l.type = 'sale' AND l.deleted_at IS NULL)
         ) AS hit`,
        [t.since],
        t.checkoutsAnswered(8)
      ),
  },
  {
    // A refund or cancellation committed by Medusa while the plugin's
    // negative line is not written yet (or the first of them answered,
    // whichever comes first).
    name: "during refunds, cancellations and a payout (one committed without its negative line)",
    movesWithCheckouts: false,
    killWhen: async (t) => {
      await t.checkoutsAnswered(CHECKOUTS)
      const firstAnswer = t.startMoneyMoves()
      await t.sees(
        `SELECT EXISTS (
           SELECT 1 FROM "order" o
            WHERE o.id = ANY($1)
              AND (o.status = 'canceled' OR EXISTS (
                    SELECT 1 FROM refund rf
                      JOIN payment p ON p.id = rf.payment_id
                      JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id
                     WHERE opc.order_id = o.id AND rf.deleted_at IS NULL))
              AND NOT EXISTS (SELECT 1 FROM affiliate_commission_line l
                               WHERE l.order_id = o.id AND l.amount < 0 AND l.deleted_at IS NULL)
         ) AS hit`,
        [[...t.targets.refund, ...t.targets.cancel]],
        firstAnswer
      )
    },
  },
]

type RoundResult = {
  round: string
  orders: number
  answered: string
  before: LedgerCheck
  after: LedgerCheck
  seconds: number
}

describe("crash: kill -9 during referred checkouts, refunds, cancellations and payouts", () => {
  let host: ProductionHost
  let server: MedusaProcess
  let api: HttpClient
  let admin: { authorization: string }
  let store: Awaited<ReturnType<typeof describeStore>>
  let checkout: typeof import("../../bench/lib/checkout.mjs")
  let affiliateId: string
  const used = new Set<string>()
  const results: RoundResult[] = []

  beforeAll(async () => {
    const started = Date.now()
    checkout = await import("../../bench/lib/checkout.mjs")
    host = await startProductionHost(NAME)
    server = await host.start("server-0")
    api = host.client(server)
    admin = await host.logIn(server)
    store = await describeStore(api)
    affiliateId = await host.affiliateIdOf(CODE)
    // Orders for the first round's refunds, cancellations and payout.
    const placed = await checkout.pool(8, 4, () => checkout.placeOrder(api, store, { code: CODE }))
    await checkout.waitForSaleLines(host.db, placed.map((order: any) => order.orderId))
    log("crash", `ready in ${((Date.now() - started) / 1000).toFixed(0)}s`)
  })

  afterAll(async () => {
    if (results.length) {
      printResults(results)
    }
    await host?.stop()
  })

  it.each(ROUNDS.map((round, i) => [i + 1, round.name, round] as const))("round %i: kill -9 %s", async (n, _, round) => {
    const started = Date.now()
    const since = new Date()
    const targets = await pickTargets(host, used)
    // Approved early, so the payout has lines to settle.
    if (targets.approve.length) {
      await api.post("/admin/affiliate-commissions/approve", { ids: targets.approve }, { headers: admin, store: false })
    }
    const ordersBefore = await countOrders(host)

    let answered = 0
    const waiters: { n: number; resolve: () => void }[] = []
    const onAnswer = () => {
      answered++
      for (const waiter of waiters.filter((w) => answered >= w.n)) waiter.resolve()
    }
    const outcomes = { checkouts: 0, moves: 0, failed: 0 }
    const checkouts = Array.from({ length: CHECKOUTS }, () =>
      checkout
        .placeOrder(api, store, { code: CODE })
        .then(() => outcomes.checkouts++, () => outcomes.failed++)
        .finally(onAnswer)
    )
    let moves: Promise<unknown>[] | null = null
    let firstMove: Promise<void> | null = null
    const startMoneyMoves = () => {
      if (!moves) {
        const { reversals, payout } = moneyMoves(host, api, admin, affiliateId, targets)
        const count = (move: Promise<unknown>) => move.then(() => outcomes.moves++, () => outcomes.failed++)
        moves = [...reversals, payout].map(count)
        firstMove = Promise.race(moves.slice(0, reversals.length)).then(() => undefined)
      }
      return firstMove!
    }
    if (round.movesWithCheckouts) startMoneyMoves()
    const traffic: Traffic = {
      checkoutsAnswered: (count) =>
        answered >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ n: count, resolve })),
      startMoneyMoves,
      sees: (sql, params, fallback) => poll(host, sql, params, fallback),
      targets,
      since,
    }

    await round.killWhen(traffic)
    await server.kill()
    const killedAt = Date.now()
    await Promise.allSettled([...checkouts, ...((moves as Promise<unknown>[] | null) ?? [])])
    const answeredText =
      `${outcomes.checkouts}/${CHECKOUTS} checkouts, ` +
      `${outcomes.moves}/${(moves as unknown[] | null)?.length ?? 0} refunds/cancels/payout answered`

    // What the crash left behind, before anything repairs it.
    const before = await checkLedger(host.db)
    // Restart, and reconcile (the job's own code) beside the restarted server.
    const [restarted] = await Promise.all([host.start(`server-${n}`), host.exec(RECONCILE)])
    server = restarted
    api = host.client(server)
    admin = await host.logIn(server)
    const after = await checkLedger(host.db)
    const orders = (await countOrders(host)) - ordersBefore

    const result = {
      round: `${n}: ${round.name}`,
      orders,
      answered: answeredText,
      before,
      after,
      seconds: (Date.now() - started) / 1000,
    }
    results.push(result)
    log(
      "crash",
      `round ${n} (${round.name}): killed ${killedAt - started} ms in; ${orders} new orders; ${answeredText}\n` +
        `  before reconciliation: ${summary(before)}\n  after reconciliation:  ${summary(after)}`
    )

    expect(after.lost).toEqual({ sales: [], cancellations: [], refunds: [] })
    expect(after.duplicated).toEqual({ sales: [], reversals: [], overReversed: [] })
    expect(after.payoutMismatches).toEqual([])
  })
})

type Targets = Awaited<ReturnType<typeof pickTargets>>

/** Polls `sql` every 25 ms until its row says `hit`, or `fallback` resolves first. */
async function poll(host: ProductionHost, sql: string, params: unknown[], fallback: Promise<void>) {
  let done = false
  const fallen = fallback.then(() => {
    done = true
  })
  const seen = (async () => {
    while (!done) {
      const { rows } = await host.db.query(sql, params)
      if (rows[0]?.hit) return
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  })()
  await Promise.race([fallen, seen])
  done = true
}

/**
 * Orders from earlier rounds for this round's money moves, each used once:
 * three to refund in part, three to cancel, and two whose lines are
 * approved early for the payout.
 */
async function pickTargets(host: ProductionHost, used: Set<string>) {
  const { rows } = await host.db.query(
    `SELECT o.id, array_agg(l.id) AS line_ids
       FROM "order" o
       JOIN affiliate_commission_line l ON l.order_id = o.id AND l.type = 'sale' AND l.deleted_at IS NULL
      WHERE o.status <> 'canceled' AND o.deleted_at IS NULL AND l.status = 'pending'
      GROUP BY o.id, o.created_at
      ORDER BY o.created_at`
  )
  const fresh = rows.filter((row) => !used.has(row.id))
  const take = (count: number) => {
    const picked = fresh.splice(0, count)
    picked.forEach((row) => used.add(row.id))
    return picked
  }
  return {
    refund: take(3).map((row) => row.id as string),
    cancel: take(3).map((row) => row.id as string),
    approve: take(2).flatMap((row) => row.line_ids as string[]),
  }
}

/** The refunds (a quarter of what was paid), cancellations and payout of a round, sent at once. */
function moneyMoves(
  host: ProductionHost,
  api: HttpClient,
  admin: { authorization: string },
  affiliateId: string,
  targets: Targets
): { reversals: Promise<unknown>[]; payout: Promise<unknown> } {
  const options = { headers: admin, store: false }
  const reversals = [
    ...targets.refund.map(async (orderId) => {
      const { rows } = await host.db.query(
        `SELECT p.id, p.amount FROM order_payment_collection opc
           JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
          WHERE opc.order_id = $1 AND opc.deleted_at IS NULL`,
        [orderId]
      )
      const amount = Math.round(Number(rows[0].amount) * 25) / 100
      return api.post(`/admin/payments/${rows[0].id}/refund`, { amount }, options)
    }),
    ...targets.cancel.map((orderId) => api.post(`/admin/orders/${orderId}/cancel`, {}, options)),
  ]
  return { reversals, payout: api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd" }, options) }
}

async function countOrders(host: ProductionHost): Promise<number> {
  const { rows } = await host.db.query(`SELECT COUNT(*)::int AS n FROM "order" WHERE deleted_at IS NULL`)
  return rows[0].n
}

function summary(check: LedgerCheck) {
  const n = (list: unknown[]) => list.length
  return (
    `referred orders ${check.referredOrders} (orders without a cart link: ${check.ordersWithoutCart}), lost ${n(check.lost.sales)} sales / ` +
    `${n(check.lost.cancellations)} cancellations / ${n(check.lost.refunds)} refunds, ` +
    `duplicated ${n(check.duplicated.sales)} sales / ${n(check.duplicated.reversals)} reversals / ` +
    `${n(check.duplicated.overReversed)} over-reversed, payouts ${check.payouts} ` +
    `(${n(check.payoutMismatches)} not adding up)`
  )
}

function printResults(results: RoundResult[]) {
  const n = (list: unknown[]) => list.length
  const lost = (c: LedgerCheck) => n(c.lost.sales) + n(c.lost.cancellations) + n(c.lost.refunds)
  const duplicated = (c: LedgerCheck) =>
    n(c.duplicated.sales) + n(c.duplicated.reversals) + n(c.duplicated.overReversed)
  const lines = results.map(
    (r) =>
      `| ${r.round} | ${r.orders} | ${r.after.referredOrders} | ${lost(r.before)} → ${lost(r.after)} | ` +
      `${duplicated(r.after)} | ${r.after.payouts} / ${n(r.after.payoutMismatches)} | ${r.seconds.toFixed(0)} s |`
  )
  log(
    "crash",
    [
      "results (lost: after the kill → after reconciliation; all counts over the whole ledger)",
      "| round: killed | new orders | referred orders | lost | duplicated | payouts / not adding up | time |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...lines,
    ].join("\n")
  )
}
