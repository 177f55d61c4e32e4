// `npm run bench:reports`: report latency at scale. A generator loads a
// program of 10,000 affiliates, 1,000,000 clicks, 100,000 orders with their
// ledger lines (and payouts, refunds, leads) over the click retention period;
// the report read model is rebuilt from it with the plugin's own command; then
// the admin reports, a partner's dashboard and the balances due are timed on
// the production server, one request at a time:
//
// - quiet: nothing written to the ledger lately, so each request's refresh
//   of the read model finds nothing to recompute;
// - live: a ledger line written just before each request, as in a shop where
//   orders, approvals and refunds keep coming: each request's refresh has an
//   affiliate-day to recompute first.
//
// Beside each route: its own query timed alone, and the same figures
// aggregated straight from the raw tables. The figures the routes answer are
// checked once against that raw SQL. Target: every report and dashboard route
// under 100 ms median, quiet and live.
import { APPROVAL_JOB, keepClearOf } from "./lib/jobs.mjs"
import { rawPayableBalancesQuery, rawReportQuery } from "./lib/raw-reports.mjs"
import { listBalancesSql, refreshSql, reportRouteSql, summaryRouteSql } from "./lib/route-sql.mjs"
import { LINK_SUB_IDS, loadProgram, PROGRAM_SIZE } from "./lib/scale-data.mjs"
import { log, runBenchmark } from "./lib/server.mjs"
import { fmt, median, percentile, printContext, printTable, printVerdict, ratio } from "./lib/stats.mjs"

const SCALE = Number(process.env.BENCH_SCALE || 1)
const DAYS = Number(process.env.BENCH_DAYS || 395)
const WARMUP = Number(process.env.BENCH_WARMUP_REQUESTS ?? 5)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 30)
// The raw aggregates take seconds at full scale: fewer of them.
const RAW_WARMUP = Number(process.env.BENCH_RAW_WARMUP ?? 1)
const RAW_REQUESTS = Number(process.env.BENCH_RAW_REQUESTS || 10)
const EXPLAIN = process.env.BENCH_EXPLAIN === "1"
const TARGET_MS = 100
const FLOOR_RATIO = 2
const MINIMUM_PAYOUT = 50
const PROGRAM_SETTINGS = { minimum_payout: { usd: MINIMUM_PAYOUT, eur: MINIMUM_PAYOUT } }
// The refresh looks this far behind its last run (OVERLAP_MS in daily-stats.ts).
const REFRESH_OVERLAP_MS = 5 * 60_000
const PARTNER = { email: "top-partner@bench.example.com", password: "supersecret", name: "Top Partner", code: "TOPPARTNER" }
const REBUILD_SCRIPT = "./src/scripts/rebuild-affiliate-stats.js"
// Every table of the read model, the roll-ups included: the rebuild rewrites
// them all, and a table the planner has no statistics for gets a bad plan.
const READ_MODEL_TABLES = [
  "affiliate_daily_stat",
  "affiliate_daily_total",
  "affiliate_program_daily",
  "affiliate_funnel_daily",
  "affiliate_monthly_stat",
  "affiliate_monthly_total",
  "affiliate_program_monthly",
]

await runBenchmark("reports", run)

async function run(server) {
  const admin = { headers: server.adminHeaders, store: false }
  const { partner } = await loadAndRebuild(server, admin)
  const checks = await checkFigures({ api: server.api, db: server.db, admin, partner })
  const targets = await reportTargets({ ...checks.range, admin, partner })

  // The hourly approval writes to the ledger, which would make the quiet
  // pass live for 5 minutes.
  await keepClearOf(APPROVAL_JOB, { marginMs: 3 * 60_000, afterMs: REFRESH_OVERLAP_MS + 60_000 })
  log(`timing the routes, quiet: ${WARMUP} + ${REQUESTS} rounds`)
  await timeRoutes(server.api, targets, "quiet")
  // Live: a ledger line written just before each report request, so its
  // refresh has an affiliate-day to recompute, as in a shop where orders,
  // approvals and refunds keep coming. A random order's sale line, touched.
  const { rows: lines } = await server.db.query(
    "SELECT id FROM affiliate_commission_line WHERE type = 'sale' ORDER BY random() LIMIT 1000"
  )
  let written = 0
  log(`timing the routes, live: a ledger line written before each request`)
  await timeRoutes(server.api, targets, "live", {
    beforeEach: async (target) => {
      if (target.floor) return
      const { id } = lines[written++ % lines.length]
      await server.db.query("UPDATE affiliate_commission_line SET updated_at = now() WHERE id = $1", [id])
    },
  })
  const refresh = await timeAlone(server.db, targets, { partner, today: checks.range.to })

  // Every report route within 2× the HTTP floor of the same run (issue 11), and under 100 ms.
  const floorOf = (key) => median(targets.find((t) => t.floor)[key])
  const meets = (t) =>
    median(t.quiet) < TARGET_MS && median(t.live) < TARGET_MS && (t.notReport || median(t.quiet) <= FLOOR_RATIO * floorOf("quiet"))
  printResults(targets, meets)
  const p50p90 = (ms) => `p50 ${fmt(median(ms))} ms, p90 ${fmt(percentile(ms, 90))} ms`
  console.log(
    `\nlive: ${written} ledger lines written (a random order's sale line, updated_at = now()), one just before each ` +
      `report request.\nThe refresh each report request runs first, alone (rolled back): ` +
      `nothing to recompute (${refresh.quiet.length} statements) ${p50p90(refresh.quietMs)}; one affiliate-day to ` +
      `recompute (${refresh.live.length} statements) ${p50p90(refresh.liveMs)}.`
  )
  if (EXPLAIN) await explain(server.db, targets, refresh.live)

  const slow = targets.filter((t) => !t.floor && !meets(t))
  return printVerdict(
    slow.length === 0 && checks.ok,
    `every report and dashboard route (balances due included) under ${TARGET_MS} ms median, quiet and live, and within ${FLOOR_RATIO}× the HTTP floor quiet; figures equal to the raw SQL`,
    [
      slow.length
        ? `over: ${slow.map((t) => `${t.label} ${fmt(median(t.quiet), 0)} / ${fmt(median(t.live), 0)} ms`).join("; ")}`
        : "",
      checks.ok ? "" : "figures differ from the raw SQL (see above)",
    ]
      .filter(Boolean)
      .join("; ")
  )
}

/**
 * Sets the program up (a payout minimum, a second sales channel, the partner
 * signed up over HTTP), loads it, rebuilds the read model with the plugin's
 * command, and prints what was loaded and how long it took.
 */
async function loadAndRebuild(server, admin) {
  const { api, db } = server
  const { rows: used } = await db.query(`SELECT 1 FROM affiliate WHERE id = 'aff_bench_000002'`)
  if (used.length) throw new Error("This database already holds a bench:reports program: use a fresh one")

  await api.post("/admin/affiliate-settings", PROGRAM_SETTINGS, admin)
  const { rows: [store] } = await db.query(
    "SELECT default_sales_channel_id AS id FROM store WHERE deleted_at IS NULL LIMIT 1"
  )
  const { data: app } = await api.post("/admin/sales-channels", { name: "Mobile app" }, admin)
  const partner = await registerPartner(api, admin)
  log(`partner ${partner.affiliate_id} (${partner.code}) signed up, approved, ${LINK_SUB_IDS.length} links`)

  log(`loading the program (scale ${SCALE}, ${DAYS} days)`)
  const program = await loadProgram(db, {
    partner,
    salesChannelIds: [store.id, app.sales_channel.id],
    scale: SCALE,
    days: DAYS,
    minimumPayout: MINIMUM_PAYOUT,
    log,
  })

  log("rebuilding the report read model (medusa exec)")
  const started = performance.now()
  const output = await server.exec(REBUILD_SCRIPT, "reports-rebuild")
  const rebuildSeconds = (performance.now() - started) / 1000
  const rebuildInside = Number(output.match(/rebuilt in (\d+) ms/)?.[1]) / 1000
  // The read model's tables as the schema has them (the roll-ups came later).
  const readModel = []
  for (const table of READ_MODEL_TABLES) {
    const { rows: [exists] } = await db.query("SELECT to_regclass($1) AS oid", [table])
    if (!exists.oid) continue
    await db.query(`VACUUM ANALYZE ${table}`)
    const { rows: [count] } = await db.query(`SELECT COUNT(*)::int AS n FROM ${table}`)
    readModel.push(`${table} ${fmt(count.n, 0)}`)
  }

  printContext("bench:reports", {
    data: `scale ${SCALE} (${Object.entries(PROGRAM_SIZE).map(([k, n]) => `${fmt(n * SCALE, 0)} ${k}`).join(", ")}) over ${DAYS} days`,
    requests: `one at a time, routes in turn; ${WARMUP} warm-up + ${REQUESTS} measured rounds (raw SQL ${RAW_WARMUP} + ${RAW_REQUESTS})`,
    server: "medusa start, NODE_ENV=production, 1 process",
  })
  const step = (name) => fmt(program.steps[name])
  printTable(
    [{ title: "loaded" }, { title: "rows" }, { title: "seconds" }],
    [
      ["affiliates (1 code each; 2–5 links for the 25 busiest)", fmt(program.counts.affiliates, 0), step("affiliates, codes, links")],
      ["clicks", fmt(program.counts.clicks, 0), step("clicks")],
      ["orders (attributions)", fmt(program.counts.orders, 0), step("orders (attributions)")],
      ["ledger lines / payouts", `${fmt(program.counts.ledger_lines, 0)} / ${fmt(program.counts.payouts, 0)}`, step("ledger lines and payouts")],
      ["leads", fmt(program.counts.leads, 0), step("leads")],
      ["VACUUM ANALYZE", "", step("VACUUM ANALYZE")],
      ["load, total", "", fmt(program.seconds)],
      ["rebuild-affiliate-stats: medusa exec (the rebuild itself)", "", `${fmt(rebuildSeconds)} (${fmt(rebuildInside)})`],
    ]
  )
  console.log(`\nread model rows: ${readModel.join(", ")}`)
  return { partner }
}

/**
 * Times each route's own queries, the refresh with nothing to do and with one
 * affiliate-day to recompute (the partner's today, as after a live order;
 * rolled back), and the raw aggregates. Route figures go on the targets.
 */
async function timeAlone(db, targets, { partner, today }) {
  log("timing the routes' own SQL and the refresh alone")
  for (const target of targets) {
    if (target.sql) target.sqlMs = await timeQueries(db, target.sql, WARMUP, REQUESTS)
    if (target.sqlBefore) target.sqlBeforeMs = await timeQueries(db, target.sqlBefore, WARMUP, REQUESTS)
  }
  const { rows: [clickSnapshot] } = await db.query(
    `SELECT CAST(pg_current_snapshot() AS text) AS snapshot, CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS xmin`
  )
  const quiet = await refreshSql(new Date(), [], clickSnapshot)
  const live = await refreshSql(new Date(), [{ affiliate_id: partner.affiliate_id, day: today }], clickSnapshot)
  const quietMs = await timeQueries(db, quiet, WARMUP, REQUESTS, { rollBack: true })
  const liveMs = await timeQueries(db, live, WARMUP, REQUESTS, { rollBack: true })

  log(`timing the raw SQL aggregates: ${RAW_WARMUP} + ${RAW_REQUESTS} rounds`)
  for (let round = 0; round < RAW_WARMUP + RAW_REQUESTS; round++) {
    for (const target of targets.filter((t) => t.raw)) {
      const [ms] = await timeQueries(db, [target.raw], 0, 1)
      if (round >= RAW_WARMUP) (target.rawMs ??= []).push(ms)
    }
  }
  return { quiet, live, quietMs, liveMs }
}

function printResults(targets, meets) {
  const floor = median(targets.find((t) => t.floor).quiet)
  const floorLive = median(targets.find((t) => t.floor).live)
  printTable(
    [
      { title: "report" },
      { title: "GET", align: "left" },
      { title: "rows" },
      { title: "quiet p50 ms" },
      { title: "quiet p90" },
      { title: "quiet max" },
      { title: "live p50 ms" },
      { title: "live p90" },
      { title: "quiet ÷ floor" },
      { title: "live ÷ floor" },
      { title: "route's SQL alone p50" },
      { title: "SQL before (daily roll-ups only) p50" },
      { title: "raw SQL p50" },
      { title: "quiet ÷ raw" },
      { title: `< ${TARGET_MS} ms, quiet ≤ ${FLOOR_RATIO}× floor` },
    ],
    targets.map((t) => [
      t.label,
      t.path.replace(/&from=.*$/, "&from=…&to=…"),
      fmt(t.rows, 0),
      fmt(median(t.quiet)),
      fmt(percentile(t.quiet, 90)),
      fmt(Math.max(...t.quiet)),
      fmt(median(t.live)),
      fmt(percentile(t.live, 90)),
      t.floor ? "" : ratio(median(t.quiet), floor),
      t.floor ? "" : ratio(median(t.live), floorLive),
      t.sqlMs ? fmt(median(t.sqlMs)) : "–",
      t.sqlBeforeMs ? fmt(median(t.sqlBeforeMs)) : "–",
      t.rawMs ? fmt(median(t.rawMs)) : "–",
      t.rawMs ? ratio(median(t.quiet), median(t.rawMs)) : "–",
      t.floor ? "" : meets(t) ? "yes" : "**no**",
    ])
  )
}

/** BENCH_EXPLAIN=1: the plans of the refresh's statements and of each route's queries (rolled back). */
async function explain(db, targets, refresh) {
  const plans = [
    ...refresh.map((q, i) => [`refresh with one affiliate-day to recompute, statement ${i + 1}`, q]),
    ...targets.filter((t) => t.sql).flatMap((t) => t.sql.map((q) => [t.label, q])),
  ]
  await rolledBack(db, async (client) => {
    for (const [label, query] of plans) {
      const { rows } = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, values: query.values })
      console.log(`\n### EXPLAIN ANALYZE: ${label}\n\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`)
    }
  })
}

/**
 * The routes timed, each with the queries it runs after its refresh (taken
 * from the build, see lib/route-sql.mjs) and the raw aggregate of the same
 * figures. `from` and `to` are the default 30-day range as the routes
 * answered it.
 */
async function reportTargets({ from, to, admin, partner }) {
  const month = { from, to }
  const year = { from: addDays(to, -364), to }
  const previous = addDays(from, -30)
  const yearPrevious = addDays(year.from, -365)
  const mine = partner.affiliate_id
  const rangeQuery = (range) => (range === year ? `&from=${year.from}&to=${year.to}` : "")
  // The same queries with the daily roll-ups only, as the routes read them
  // before the monthly roll-ups (issue 11): timed alone in this run, "before".
  const before = { dailyRollupsOnly: true }
  const byGroup = async (label, group, auth, range = month, affiliateId, extra = {}) => {
    const filters = { ...range, affiliate_id: affiliateId, ...extra }
    const adminPartner = auth === admin && affiliateId ? `&affiliate_id=${affiliateId}` : ""
    const segment = extra.is_internal === undefined ? "" : `&is_internal=${extra.is_internal}`
    return {
      label,
      path: `${auth === admin ? "/admin/affiliate-reports" : "/affiliate/reports"}?group_by=${group}${adminPartner}${segment}${rangeQuery(range)}`,
      auth,
      sql: await reportRouteSql(group, filters),
      sqlBefore: extra.is_internal === undefined ? await reportRouteSql(group, filters, {}, before) : null,
      raw: extra.is_internal === undefined && group !== "code" ? rawReportQuery(group, { ...range, affiliateId }) : null,
    }
  }
  const topTen = async (label, range, extra = {}) => ({
    label,
    path: `/admin/affiliate-reports?group_by=affiliate&order_by=revenue&currency_code=usd&limit=10${extra.is_internal === undefined ? "" : `&is_internal=${extra.is_internal}`}${rangeQuery(range)}`,
    auth: admin,
    sql: await reportRouteSql("affiliate", { ...range, currency_code: "usd", ...extra }, { order_by: "revenue", limit: 10 }),
    sqlBefore:
      extra.is_internal === undefined
        ? await reportRouteSql("affiliate", { ...range, currency_code: "usd" }, { order_by: "revenue", limit: 10 }, before)
        : null,
    raw: extra.is_internal === undefined ? rawReportQuery("affiliate", { ...range, currency: "usd", orderBy: "revenue", limit: 10 }) : null,
  })
  const summary = async (label, auth, affiliateId, range = month, extra = {}) => ({
    label,
    path: `${auth === admin ? "/admin/affiliate-reports" : "/affiliate/reports"}/summary${
      range === year ? `?from=${year.from}&to=${year.to}` : ""
    }${extra.is_internal === undefined ? "" : `${range === year ? "&" : "?"}is_internal=${extra.is_internal}`}`,
    auth,
    sql: await summaryRouteSql({ ...range, affiliate_id: affiliateId, ...extra }),
    sqlBefore: extra.is_internal === undefined ? await summaryRouteSql({ ...range, affiliate_id: affiliateId }, before) : null,
    raw:
      extra.is_internal === undefined
        ? rawReportQuery("total", { ...range, previous: range === year ? yearPrevious : previous, affiliateId })
        : null,
  })
  return [
    { label: "HTTP floor (store route)", path: "/store/regions", auth: {}, floor: true },
    await byGroup("admin funnel by day, 30 d", "day", admin),
    await topTen("admin top 10 affiliates, 30 d", month),
    await byGroup("admin by UTM campaign, 30 d", "utm_campaign", admin),
    await byGroup("admin by sales channel, 30 d", "sales_channel", admin),
    await summary("admin summary, 30 d vs previous", admin),
    {
      label: "admin balances due",
      notReport: true,
      path: "/admin/affiliate-balances?payable=true",
      auth: admin,
      sql: [await listBalancesSql(PROGRAM_SETTINGS)],
      raw: rawPayableBalancesQuery(MINIMUM_PAYOUT),
    },
    await byGroup("admin funnel by day, 365 d", "day", admin, year),
    await topTen("admin top 10 affiliates, 365 d", year),
    // The Reports screen's other queries (issue 11), a year and a month.
    await summary("admin summary, 365 d vs previous", admin, undefined, year),
    await byGroup("admin by UTM campaign, 365 d", "utm_campaign", admin, year),
    await byGroup("admin by sales channel, 365 d", "sales_channel", admin, year),
    await summary("admin internal channels, 30 d", admin, undefined, month, { is_internal: true }),
    await summary("admin external partners, 365 d", admin, undefined, year, { is_internal: false }),
    await byGroup("admin external funnel by day, 365 d", "day", admin, year, undefined, { is_internal: false }),
    await topTen("admin top 10 external partners, 365 d", year, { is_internal: false }),
    await byGroup("admin external by UTM campaign, 365 d", "utm_campaign", admin, year, undefined, { is_internal: false }),
    // The partner page in the admin: a chart by day, by code, by link.
    await byGroup("admin partner by day, 365 d", "day", admin, year, mine),
    await byGroup("admin partner by code, 365 d", "code", admin, year, mine),
    await byGroup("admin partner by link, 365 d", "link", admin, year, mine),
    await summary("partner dashboard, 30 d vs previous", partner.auth, mine),
    await byGroup("partner by day, 30 d", "day", partner.auth, month, mine),
    await byGroup("partner by link, 30 d", "link", partner.auth, month, mine),
  ]
}

/**
 * Times every target once per round, in turn, so a burst of other work on the
 * machine (or the stats refresh job, every minute) doesn't land on one route
 * only; `beforeEach(target)` runs ahead of each request, untimed. The
 * measured times go to `target[key]`.
 */
async function timeRoutes(api, targets, key, { beforeEach } = {}) {
  for (let round = -WARMUP; round < REQUESTS; round++) {
    for (const target of targets) {
      if (beforeEach) await beforeEach(target)
      const { ms, data } = await api.get(target.path, target.auth)
      target.rows ??= countRows(data)
      if (round >= 0) (target[key] ??= []).push(ms)
    }
  }
}

/**
 * Runs the queries one after the other `warmup + count` times, with
 * `rollBack` each time in a transaction rolled back; the last `count` times
 * (ms, the queries only).
 */
async function timeQueries(db, queries, warmup, count, { rollBack = false } = {}) {
  const samples = []
  const once = async (client) => {
    const started = performance.now()
    for (const query of queries) await client.query(query)
    return performance.now() - started
  }
  for (let round = -warmup; round < count; round++) {
    const ms = rollBack ? await rolledBack(db, once) : await once(db)
    if (round >= 0) samples.push(ms)
  }
  return samples
}

/** Runs `work(client)` in a transaction that is rolled back. */
async function rolledBack(db, work) {
  const client = await db.connect()
  try {
    await client.query("BEGIN")
    return await work(client)
  } finally {
    await client.query("ROLLBACK")
    client.release()
  }
}

/**
 * Signs the partner up over HTTP (login, registration, approval, a code,
 * links) and returns its ids and a bearer for its own routes.
 */
async function registerPartner(api, admin) {
  const bearer = (token) => ({ headers: { authorization: `Bearer ${token}` }, store: false })
  const login = { email: PARTNER.email, password: PARTNER.password }
  const { data: registered } = await api.post("/auth/affiliate/emailpass/register", login, { store: false })
  // The sign-up answers alike for every email (it doesn't say who is a partner); the new login says who we are.
  await api.post("/affiliate-account/register", { name: PARTNER.name }, bearer(registered.token))
  const { data: session } = await api.post("/auth/affiliate/emailpass", login, { store: false })
  const auth = bearer(session.token)
  const { data: me } = await api.get("/affiliate/me", auth)
  const id = me.affiliate.id
  await api.post(`/admin/affiliates/${id}/approve`, {}, admin)
  const { data: created } = await api.post(`/admin/affiliates/${id}/codes`, { code: PARTNER.code }, admin)
  for (const sub_id of LINK_SUB_IDS) {
    await api.post("/affiliate/links", { sub_id, name: `${sub_id} link` }, auth)
  }
  return { affiliate_id: id, code_id: created.referral_code.id, code: created.referral_code.code, auth }
}

/**
 * Once, before timing: the figures of the admin's 30-day funnel, the
 * partner's dashboard, the top 10 and the balances due equal the same
 * figures from the raw tables. Prints a table; returns the routes' default
 * range (as they answered it) and whether all matched.
 */
async function checkFigures({ api, db, admin, partner }) {
  const rowsOf = async (query) => (await db.query(query)).rows

  const funnel = (await api.get("/admin/affiliate-reports?group_by=day", admin)).data
  const range = { from: funnel.from, to: funnel.to }
  const rawFunnel = await rowsOf(rawReportQuery("day", range))

  const { summary } = (await api.get("/affiliate/reports/summary", partner.auth)).data
  const rawPartner = await rowsOf(
    rawReportQuery("total", { from: summary.from, to: summary.to, affiliateId: partner.affiliate_id })
  )

  const top = (await api.get("/admin/affiliate-reports?group_by=affiliate&order_by=revenue&currency_code=usd&limit=10", admin)).data
  const rawTop = await rowsOf(rawReportQuery("affiliate", { ...range, currency: "usd", orderBy: "revenue", limit: 10 }))

  // A year: whole months come from the monthly roll-ups (issue 11).
  const yearRange = { from: addDays(range.to, -364), to: range.to }
  const yearFunnel = (await api.get(`/admin/affiliate-reports?group_by=day&from=${yearRange.from}&to=${yearRange.to}`, admin)).data
  const rawYear = await rowsOf(rawReportQuery("day", yearRange))
  const yearTop = (await api.get(`/admin/affiliate-reports?group_by=affiliate&order_by=revenue&currency_code=usd&limit=10&from=${yearRange.from}&to=${yearRange.to}`, admin)).data
  const rawYearTop = await rowsOf(rawReportQuery("affiliate", { ...yearRange, currency: "usd", orderBy: "revenue", limit: 10 }))
  const { summary: yearSummary } = (await api.get(`/admin/affiliate-reports/summary?from=${yearRange.from}&to=${yearRange.to}`, admin)).data

  const { balances } = (await api.get("/admin/affiliate-balances?payable=true", admin)).data
  const rawBalances = await rowsOf(rawPayableBalancesQuery(MINIMUM_PAYOUT))

  const a = routeTotals(funnel.rows)
  const b = rawTotals(rawFunnel)
  const p = routeTotals([summary.current])
  const q = rawTotals(rawPartner)
  const sumCents = (list, field) => roundCents(list.reduce((s, x) => s + Number(x[field]), 0))
  const rows = [
    ["admin funnel 30 d: clicks", a.clicks, b.clicks],
    ["admin funnel 30 d: unique visitors", a.unique_visitors, b.unique_visitors],
    ["admin funnel 30 d: leads", a.leads, b.leads],
    ["admin funnel 30 d: orders", a.orders, b.orders],
    ...["usd", "eur"].flatMap((c) => [
      [`admin funnel 30 d: revenue ${c.toUpperCase()}`, a.revenue[c], b.revenue[c]],
      [`admin funnel 30 d: commission ${c.toUpperCase()} (not rejected)`, a.commission[c], b.commission[c]],
    ]),
    ["partner dashboard 30 d: clicks", p.clicks, q.clicks],
    ["partner dashboard 30 d: orders", p.orders, q.orders],
    ["partner dashboard 30 d: revenue USD", p.revenue.usd, q.revenue.usd],
    ["top 10 affiliates by USD revenue, 30 d: ids in order", top.rows.map((r) => r.key).join(","), rawTop.map((r) => r.key).join(",")],
    ["admin funnel 365 d: clicks", routeTotals(yearFunnel.rows).clicks, rawTotals(rawYear).clicks],
    ["admin funnel 365 d: orders", routeTotals(yearFunnel.rows).orders, rawTotals(rawYear).orders],
    ["admin funnel 365 d: revenue USD", routeTotals(yearFunnel.rows).revenue.usd, rawTotals(rawYear).revenue.usd],
    ["admin summary 365 d (monthly roll-ups): orders", yearSummary.current.orders, rawTotals(rawYear).orders],
    ["admin summary 365 d (monthly roll-ups): commission USD", routeTotals([yearSummary.current]).commission.usd, rawTotals(rawYear).commission.usd],
    ["top 10 affiliates by USD revenue, 365 d: ids in order", yearTop.rows.map((r) => r.key).join(","), rawYearTop.map((r) => r.key).join(",")],
    ["balances due: count", balances.length, rawBalances.length],
    ["balances due: available, sum", sumCents(balances, "available"), sumCents(rawBalances, "available")],
  ]
  const ok = rows.every(([, x, y]) => x === y)
  const show = (x, label) => (typeof x === "string" ? `${x.split(",").length} ids` : fmt(x, /revenue|commission|available/.test(label) ? 2 : 0))
  printTable(
    [{ title: `check (${range.from} to ${range.to})` }, { title: "route" }, { title: "raw SQL" }, { title: "equal" }],
    rows.map(([label, x, y]) => [label, show(x, label), show(y, label), x === y ? "yes" : "**NO**"])
  )
  return { ok, range }
}

/** Counts and per-currency money over report rows as a route answers them. */
function routeTotals(rows) {
  const totals = emptyTotals()
  for (const row of rows) {
    addCounts(totals, row)
    for (const [currency, money] of Object.entries(row.by_currency)) {
      addMoney(totals, currency, money.revenue, money.commission.total)
    }
  }
  return totals
}

/** The same over rows of rawReportQuery (per key and currency). */
function rawTotals(rows) {
  const totals = emptyTotals()
  for (const row of rows) {
    addCounts(totals, row)
    if (row.currency_code) {
      const commission = ["pending", "on_hold", "approved", "paid"].reduce((s, k) => s + Number(row[k]), 0)
      addMoney(totals, row.currency_code, Number(row.revenue), commission)
    }
  }
  return totals
}

function emptyTotals() {
  return { clicks: 0, unique_visitors: 0, leads: 0, orders: 0, revenue: {}, commission: {} }
}

function addCounts(totals, row) {
  for (const key of ["clicks", "unique_visitors", "leads", "orders"]) totals[key] += row[key]
}

function addMoney(totals, currency, revenue, commission) {
  totals.revenue[currency] = roundCents((totals.revenue[currency] ?? 0) + revenue)
  totals.commission[currency] = roundCents((totals.commission[currency] ?? 0) + commission)
}

function roundCents(n) {
  return Math.round(n * 100) / 100
}

/** Rows in a report or balances answer (1 for a summary). */
function countRows(data) {
  return data?.rows?.length ?? data?.balances?.length ?? data?.regions?.length ?? (data?.summary ? 1 : null)
}

/** YYYY-MM-DD `n` days after `day`. */
function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}
