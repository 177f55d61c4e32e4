// The SQL the report routes run, to time and EXPLAIN on its own. Taken from
// the build the server runs (bench/.work/app/.medusa/server): the routes'
// helpers (`reportRows`, `reportSummary`) are called with a stand-in service
// that notes what it is asked, and the read model's `queryReport`,
// `queryTotals`, `refreshSalesStats` and the balances' `queryBalanceList` with a
// knex that records each
// statement instead of running it. So these are the routes' queries as they
// are in src/, not copies. Each is { text, values } for pg.
import { createRequire } from "node:module"
import path from "node:path"
import { BUILD_DIR } from "./server.mjs"

// Resolved as the build resolves its modules (knex comes with Medusa).
const require = createRequire(path.join(BUILD_DIR, "medusa-config.js"))
const built = () => ({
  routes: require("./src/api/utils/reports.js"),
  reports: require("./src/modules/affiliate/stats/reports.js"),
  dailyStats: require("./src/modules/affiliate/stats/daily-stats.js"),
  balances: require("./src/modules/affiliate/ledger/balances.js"),
  settings: require("./src/modules/affiliate/settings.js"),
})
let sqlBuilder = null

/**
 * A knex stand-in that records every `raw` statement (with named or
 * positional bindings, turned into pg's $n) and answers it with
 * `answer(statement)`.
 */
function recorder(answer = () => ({ rows: [] })) {
  sqlBuilder ??= require("knex")({ client: "pg" })
  const statements = []
  const knex = {
    raw: async (sql, bindings) => {
      const native = sqlBuilder.raw(sql, bindings ?? []).toSQL().toNative()
      const statement = { text: native.sql, values: native.bindings }
      statements.push(statement)
      return answer(statement)
    },
    transaction: async (work) => work(knex),
  }
  return { knex, statements }
}

/**
 * The queries `GET /admin/affiliate-reports` and `GET /affiliate/reports` run
 * after their refresh, for `group` and the query's `order_by` and `limit`.
 *
 * @param {string} group
 * @param {{ from: string, to: string, affiliate_id?: string, currency_code?: string }} filters
 * @param {{ order_by?: string, limit?: number }} [query]
 */
export async function reportRouteSql(group, filters, query = {}, options = {}) {
  const asked = []
  const service = {
    report: async (g, f) => {
      asked.push([g, f])
      return []
    },
  }
  await built().routes.reportRows(service, group, filters, query)
  return await Promise.all(asked.map(([g, f]) => recordQuery((knex) => built().reports.queryReport(knex, g, f, options))))
}

/** The queries the summary routes (`…/reports/summary`) run after their refreshes: this period's and the one before. */
export async function summaryRouteSql(filters, options = {}) {
  const asked = []
  const service = {
    reportTotals: async (f) => {
      asked.push(f)
      return { clicks: 0, unique_visitors: 0, leads: 0, orders: 0, by_currency: {} }
    },
  }
  await built().routes.reportSummary(service, filters)
  return await Promise.all(asked.map((f) => recordQuery((knex) => built().reports.queryTotals(knex, f, options))))
}

/**
 * The query `run(knex)` sends: its first statement that reads, past the
 * `SET LOCAL` a report starts its transaction with. For a top list that is
 * the ranking query, which does the work (the figures of the ten keys it
 * finds then take about a millisecond, by index). Timed alone it runs
 * without that `SET LOCAL`, so PostgreSQL may plan parallel workers the
 * route doesn't use.
 */
async function recordQuery(run) {
  const { knex, statements } = recorder()
  await run(knex)
  return statements.find((statement) => !/^\s*SET\s/i.test(statement.text))
}

/**
 * Every statement of a refresh (`refreshSalesStats`, run first by every
 * report request) that finds `touched` ([{ affiliate_id, day }], none by
 * default) changed since its last run: its lock, its bookkeeping, the query
 * for changed affiliate-days and the statements that recompute them. Every
 * time it binds becomes `since`. Some write: run them in a transaction that
 * is rolled back.
 */
export async function refreshSql(since, touched = [], clickSnapshot = null) {
  const bindsTime = (statement) => statement.values.some((v) => v instanceof Date)
  let answered = false
  const { knex, statements } = recorder((statement) => {
    if (/pg_try_advisory/.test(statement.text)) return { rows: [{ locked: true }] }
    // The click roll-up's last snapshot ({ snapshot, xmin } as text): given, the
    // roll-up finds no click it hasn't counted, as in a quiet shop.
    if (/pg_snapshot_xmin\(snapshot\)/.test(statement.text)) {
      return { rows: clickSnapshot ? [{ key: "clicks_rolled_up", ...clickSnapshot }] : [] }
    }
    // The first statement that binds a time is the query for changes.
    if (!answered && bindsTime(statement)) {
      answered = true
      return { rows: touched }
    }
    return { rows: [] }
  })
  await built().dailyStats.refreshSalesStats(knex)
  if (!answered) throw new Error("refreshSalesStats ran no query with a time: has it changed?")
  return statements.map((s) => ({ ...s, values: s.values.map((v) => (v instanceof Date ? since : v)) }))
}

/**
 * What `GET /admin/affiliate-balances?payable=true` runs after its refresh
 * (`queryBalanceList`), under the program settings `settings` (e.g.
 * `{ minimum_payout: { usd: 50 } }`).
 */
export async function listBalancesSql(settings) {
  const { payoutMinimums, mergeSettings } = built().settings
  return await recordQuery((knex) =>
    built().balances.queryBalanceList(knex, { payable: payoutMinimums(mergeSettings(settings)) })
  )
}
