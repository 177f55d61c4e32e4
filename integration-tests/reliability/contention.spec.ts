import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { countsAsOrderSql } from "../../src/modules/affiliate/ledger/accrual"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { createAffiliateWithCode } from "../helpers/affiliates"
import { placeOrder, storeHeaders } from "../helpers/checkout"

/**
 * Contention (issue 9, defect 3): clicks, `/r/` redirects, referred checkouts
 * and report reads hit one server at once for a bounded time. Clicks only
 * append to `affiliate_click`; the report refresh is the one writer of the
 * read model. Expected: no 5xx, no deadlock in PostgreSQL's own counter
 * (`pg_stat_database.deadlocks`) and report figures equal to the raw rows.
 *
 * `CONTENTION_SECONDS` (default 30) sets how long the load runs.
 */
const SECONDS = Number(process.env.CONTENTION_SECONDS ?? 30)
const CLICKERS = 12
const REDIRECTERS = 6
const SHOPPERS = 3
const READERS = 3
// Clicks recorded in this process straight through the module, as a second
// server instance on the same database would: more concurrent writers than
// one in-process HTTP server can feed on a small CI machine.
const INSTANCE_CLICKERS = 8
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
const CODES = ["ADA10", "BOB20", "CYD30"]
const CAMPAIGNS = ["spring", "summer", ""]

jest.setTimeout((SECONDS + 240) * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

    /** This database's deadlock counter, as PostgreSQL's statistics have it. */
    async function deadlocks(): Promise<number> {
      // Each backend reports its counts when it goes idle (within ~10 s); a
      // fresh statistics snapshot per read.
      const { rows } = await knex().raw(
        `SELECT pg_stat_clear_snapshot(), deadlocks::int AS deadlocks FROM pg_stat_database WHERE datname = current_database()`
      )
      return rows[0].deadlocks
    }

    it("takes clicks, redirects, referred checkouts and report reads at once: no 5xx, no deadlock, reports equal the raw rows", async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
      const affiliates: Record<string, string> = {}
      for (const code of CODES) {
        affiliates[code] = (await createAffiliateWithCode(api, admin, { code })).affiliate.id
        await api.post(`/admin/affiliates/${affiliates[code]}/links`, { sub_id: "insta", utm_campaign: "bio" }, admin)
      }
      // One referred order each before the load, so the ledger has lines to
      // change (and the refresh affiliate-days to recompute) from the start.
      for (const code of CODES) {
        await placeReferredOrder(api, getContainer(), store, { code, items: [[store.products[0], 1]] })
      }
      const deadlocksBefore = await deadlocks()

      const statuses: Record<string, Record<number, number>> = {}
      const failures: string[] = []
      const refusals: string[] = []
      const latencies: Record<string, number[]> = {}
      const timed = async (kind: string, work: () => Promise<unknown>) => {
        const started = Date.now()
        await work()
        ;(latencies[kind] ??= []).push(Date.now() - started)
      }
      const count = (kind: string, status: number, detail = "") => {
        const byStatus = (statuses[kind] ??= {})
        byStatus[status] = (byStatus[status] ?? 0) + 1
        if ((status >= 500 || status === 0) && failures.length < 10) failures.push(`${kind} ${status} ${detail}`)
        else if (status >= 400 && kind === "checkout") refusals.push(`${kind} ${status} ${detail}`)
      }
      const any = { validateStatus: () => true, maxRedirects: 0 } as any
      const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]
      // Some visitors come back, so the one-click-per-hour dedupe is exercised too.
      const visitor = () => {
        const n = Math.floor(Math.random() * 2_000)
        return { "x-forwarded-for": `10.${n >> 8}.${n & 255}.${Math.floor(Math.random() * 4)}`, "user-agent": BROWSER }
      }
      const until = Date.now() + SECONDS * 1000
      const loop = async (work: () => Promise<unknown>) => {
        while (Date.now() < until) await work()
      }

      const click = async () => {
        const campaign = pick(CAMPAIGNS)
        const response = await api.post(
          "/store/referrals/clicks",
          { code: pick(CODES), ...(campaign ? { utm_campaign: campaign } : {}) },
          { ...storeHeaders(store.publishableKey, visitor()), ...any }
        )
        count("click", response.status, JSON.stringify(response.data))
      }
      const redirect = async () => {
        const path = `/r/${pick(CODES)}${Math.random() < 0.5 ? "/insta" : ""}`
        const response = await api.get(path, { headers: visitor(), ...any })
        count("redirect", response.status, String(response.headers["x-affiliate-refusal"] ?? ""))
      }
      let shoppers = 0
      const checkout = async () => {
        try {
          const { order } = await placeOrder(api, {
            email: `shopper-${++shoppers}@example.com`,
            publishableKey: store.publishableKey,
            regionId: store.regionIds.usd,
            salesChannelId: store.salesChannelId,
            items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
            providerId: DEMO_PAYMENT_PROVIDERS.autoCapture,
            beforeComplete: async (cart) => {
              await api.post(`/store/carts/${cart.id}/referral`, { code: pick(CODES) }, storeHeaders(store.publishableKey))
            },
          })
          count("checkout", order ? 200 : 0)
        } catch (e: any) {
          count("checkout", e.response?.status ?? 0, JSON.stringify(e.response?.data ?? e.message))
        }
      }
      const REPORTS = [
        "/admin/affiliate-reports?group_by=affiliate",
        "/admin/affiliate-reports?group_by=day",
        "/admin/affiliate-reports?group_by=utm_campaign",
        "/admin/affiliate-reports/summary",
        "/admin/affiliate-balances",
      ]
      const read = async () => {
        const response = await api.get(pick(REPORTS), { ...admin, ...any })
        count("report", response.status, JSON.stringify(response.data))
      }
      const service = getContainer().resolve("affiliate") as any
      const instanceClick = async () => {
        const campaign = pick(CAMPAIGNS)
        const { "x-forwarded-for": ip, "user-agent": agent } = visitor()
        try {
          await service.recordClick({
            code: pick(CODES),
            sub_id: null,
            sales_channel_id: store.salesChannelId,
            utm_campaign: campaign || null,
            ip: `${ip}9`,
            user_agent: agent,
          })
          count("instance-click", 200)
        } catch (e: any) {
          count("instance-click", 500, e.message)
        }
      }
      // An admin holding and releasing ledger lines: every change makes the
      // next refresh recompute that affiliate's day.
      const holdAndRelease = async () => {
        const { rows } = await knex().raw(
          `SELECT id, status FROM affiliate_commission_line WHERE status IN ('pending', 'on_hold') ORDER BY random() LIMIT 1`
        )
        if (!rows[0]) return sleep(200)
        const action = rows[0].status === "pending" ? "hold" : "release"
        const response = await api.post(`/admin/affiliate-commissions/${action}`, { ids: [rows[0].id], reason: "contention" }, { ...admin, ...any })
        count("ledger-admin", response.status, JSON.stringify(response.data))
      }
      // The every-minute job's refresh (with its look-back: it recomputes every
      // affiliate-day with an order in the last five minutes), as if several
      // instances ran it.
      const job = async () => {
        try {
          await timed("job", () => service.refreshStats({ overlap: true }))
          count("job", 200)
        } catch (e: any) {
          count("job", 500, e.message)
        }
        await sleep(100)
      }

      const started = Date.now()
      await Promise.all([
        ...Array.from({ length: CLICKERS }, () => loop(() => timed("click", click))),
        ...Array.from({ length: REDIRECTERS }, () => loop(() => timed("redirect", redirect))),
        ...Array.from({ length: SHOPPERS }, () => loop(() => timed("checkout", checkout))),
        ...Array.from({ length: READERS }, () => loop(() => timed("report", read))),
        ...Array.from({ length: INSTANCE_CLICKERS }, () => loop(() => timed("instance-click", instanceClick))),
        loop(holdAndRelease),
        loop(job),
      ])
      const elapsed = (Date.now() - started) / 1000

      // Let the accrual of the last orders finish before comparing.
      await waitFor(async () => {
        const { rows } = await knex().raw(
          `SELECT COUNT(*)::int AS n FROM affiliate_attribution a
            WHERE a.order_id IS NOT NULL AND a.rejection_reason IS NULL
              AND NOT EXISTS (SELECT 1 FROM affiliate_commission_line c WHERE c.attribution_id = a.id)`
        )
        return rows[0].n === 0
      })

      // Sales figures written by a transaction that committed after a refresh
      // had begun are taken by the next scheduled refresh, which looks five
      // minutes back: run it, as the job would (a few tries, in case the
      // server's own job holds the lock). Clicks need no such pass: the
      // roll-up counts exactly what each snapshot could not see.
      for (let attempt = 0; attempt < 3; attempt++) {
        await service.refreshStats({ overlap: true })
        await sleep(200)
      }
      // Reports (each refreshes first) against the raw rows.
      const { data: byAffiliate } = await api.get("/admin/affiliate-reports?group_by=affiliate", admin)
      const { data: byDay } = await api.get("/admin/affiliate-reports?group_by=day", admin)
      const { data: byCampaign } = await api.get("/admin/affiliate-reports?group_by=utm_campaign", admin)
      const { rows: raw } = await knex().raw(
        `SELECT a.id,
                (SELECT COUNT(*) FROM affiliate_click c WHERE c.affiliate_id = a.id)::int AS clicks,
                (SELECT COUNT(DISTINCT (c.visitor_hash, CAST(c.created_at AT TIME ZONE 'UTC' AS date)))
                   FROM affiliate_click c WHERE c.affiliate_id = a.id)::int AS unique_visitors,
                (SELECT COUNT(*) FROM affiliate_attribution t
                  WHERE t.affiliate_id = a.id AND t.order_id IS NOT NULL AND ${countsAsOrderSql("t")})::int AS orders
           FROM affiliate a`
      )
      const { rows: campaigns } = await knex().raw(
        `SELECT COALESCE(utm_campaign, '') AS key, COUNT(*)::int AS clicks FROM affiliate_click GROUP BY 1`
      )
      const figures = (rows: any[]) =>
        Object.fromEntries(rows.map((r: any) => [r.key ?? r.id, { clicks: r.clicks, unique_visitors: r.unique_visitors, orders: r.orders }]))
      const totals = raw.reduce(
        (sum: any, r: any) => ({ clicks: sum.clicks + r.clicks, unique_visitors: sum.unique_visitors + r.unique_visitors, orders: sum.orders + r.orders }),
        { clicks: 0, unique_visitors: 0, orders: 0 }
      )

      // Every backend has reported its statistics after ~10 s idle.
      await sleep(11_000)
      const deadlocksAfter = await deadlocks()

      const percentile = (values: number[], p: number) =>
        [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]
      const timings = Object.entries(latencies)
        .map(([kind, values]) => `${kind} ${percentile(values, 50)}/${percentile(values, 95)}`)
        .join(", ")
      const requests = Object.values(statuses).reduce(
        (sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0),
        0
      )
      // eslint-disable-next-line no-console
      console.log(
        `contention: ${requests} requests in ${elapsed.toFixed(1)} s ${JSON.stringify(statuses)}; ` +
          `${totals.clicks} clicks, ${totals.orders} orders; deadlocks ${deadlocksBefore} -> ${deadlocksAfter}; ` +
          `ms p50/p95: ${timings}` +
          (failures.length ? `; first failures: ${failures.join(" | ")}` : "") +
          (refusals.length ? `; checkouts refused: ${refusals.join(" | ")}` : "")
      )

      const serverErrors = Object.values(statuses).flatMap((byStatus) =>
        Object.entries(byStatus).filter(([status]) => Number(status) >= 500 || Number(status) === 0)
      )
      expect(failures).toEqual([])
      expect(serverErrors).toEqual([])
      expect(deadlocksAfter - deadlocksBefore).toBe(0)
      expect(statuses.click?.[201]).toBeGreaterThan(100)
      expect(statuses.checkout?.[200]).toBeGreaterThan(2)
      expect(figures(byAffiliate.rows)).toEqual(figures(raw.map((r: any) => ({ ...r, key: r.id }))))
      expect(byDay.rows).toEqual([expect.objectContaining(totals)])
      expect(Object.fromEntries(byCampaign.rows.map((r: any) => [r.key, r.clicks]))).toEqual(
        Object.fromEntries(campaigns.map((r: any) => [r.key, r.clicks]))
      )
    })

    async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs
      while (!(await check())) {
        if (Date.now() > until) throw new Error("timed out waiting for the accrual to finish")
        await sleep(100)
      }
    }
  },
})
