import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AFFILIATE_MODULE } from "../types"
import AffiliateModuleService from "../service"
import * as models from "../models"
import { queryReport, ReportFilters, ReportGroup, splitRange } from "../stats/reports"

jest.setTimeout(120_000)

const actor = { actor_type: "user" as const, actor_id: "user_1" }

// The monthly roll-ups (issue 11): a report over whole months reads them, and
// must answer exactly what the daily rows answer, for ranges crossing a month
// and a year, after late events (an old day's click, line or status change)
// and after a rebuild.
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { hold_days: 30, secret: "module-test-secret-0000" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getKnex()
    let clickCount = 0
    const click = (affiliate_id: string, day: string, utm_campaign: string, visitor = "v1") =>
      knex()("affiliate_click").insert({
        id: `afclk_test_${++clickCount}`,
        affiliate_id,
        utm_campaign,
        sales_channel_id: utm_campaign === "spring" ? "sc_web" : "sc_app",
        visitor_hash: visitor,
        created_at: `${day}T12:00:00Z`,
        updated_at: `${day}T12:00:00Z`,
      })
    const line = async (affiliate_id: string, day: string, amount: number, currency_code = "usd") => {
      const [written] = await service.createManualLines({
        lines: [{ affiliate_id, type: "bonus", amount, currency_code, reason: "Test" }],
        actor,
      } as never)
      await knex()("affiliate_commission_line")
        .where({ id: written.id })
        .update({ created_at: `${day}T09:00:00Z`, updated_at: knex().fn.now() })
      return written.id
    }
    const GROUPS: ReportGroup[] = ["day", "affiliate", "utm_campaign", "sales_channel"]
    const RANGES = [
      { from: "2025-12-15", to: "2026-02-10" }, // across a year's end, December's tail to February's head, with all of January
      { from: "2026-01-20", to: "2026-03-31" }, // across months, with all of February and March
      { from: "2025-04-01", to: "2026-03-31" }, // a whole year of months
    ]
    /** Every group and segment over each range: the roll-ups' answer and the daily rows' answer. */
    const compareAll = async (affiliateId: string) => {
      for (const range of RANGES) {
        for (const is_internal of [undefined, true, false]) {
          const filters: ReportFilters = { ...range, is_internal }
          for (const group of GROUPS) {
            const fromRollups = await queryReport(knex(), group, filters)
            const fromDays = await queryReport(knex(), group, filters, { daysOnly: true })
            expect({ range, is_internal, group, rows: fromRollups }).toEqual({ range, is_internal, group, rows: fromDays })
          }
          const total = await queryReport(knex(), "total", filters)
          expect(total).toEqual(await queryReport(knex(), "total", filters, { daysOnly: true }))
        }
        for (const group of ["day", "total", "code", "link", "utm_campaign"] as const) {
          const filters = { ...range, affiliate_id: affiliateId }
          expect(await queryReport(knex(), group, filters)).toEqual(
            await queryReport(knex(), group, filters, { daysOnly: true })
          )
        }
        const top = { ...range, currency_code: "usd", top: { order_by: "commission" as const, limit: 1 } }
        expect(await queryReport(knex(), "affiliate", top)).toEqual(
          await queryReport(knex(), "affiliate", top, { daysOnly: true })
        )
      }
    }
    const totals = async (range: { from: string; to: string }, is_internal?: boolean) => {
      const [row] = await queryReport(knex(), "total", { ...range, is_internal })
      return { clicks: row?.clicks ?? 0, commission: row?.by_currency.usd?.commission.total ?? 0 }
    }

    it("splits a range into whole months and the days around them", () => {
      expect(splitRange("2025-12-15", "2026-02-10")).toEqual({
        month_from: "2026-01-01",
        month_to: "2026-01-01",
        head_to: "2025-12-31",
        tail_from: "2026-02-01",
      })
      expect(splitRange("2026-01-01", "2026-12-31")).toEqual({
        month_from: "2026-01-01",
        month_to: "2026-12-01",
        head_to: "2025-12-31",
        tail_from: "2027-01-01",
      })
      expect(splitRange("2024-02-01", "2024-02-29")).toMatchObject({ month_from: "2024-02-01", month_to: "2024-02-01" })
      expect(splitRange("2026-01-02", "2026-01-31")).toBeNull()
      expect(splitRange("2026-01-20", "2026-02-27")).toBeNull()
    })

    it("answers from the monthly roll-ups what the daily rows answer, across months and years, after late events and a rebuild", async () => {
      const [ada, bob, team]: { id: string }[] = await (service.createAffiliates as any)([
        { name: "Ada", email: "ada@example.com", status: "active" },
        { name: "Bob", email: "bob@example.com", status: "active" },
        { name: "Marketing team", email: "team@example.com", status: "active", is_internal: true },
      ])
      for (const [day, n] of [["2025-12-30", 2], ["2025-12-31", 1], ["2026-01-01", 3], ["2026-01-31", 2], ["2026-02-01", 1], ["2026-03-15", 2]] as const) {
        for (let i = 0; i < n; i++) {
          await click(ada.id, day, "spring", `ada-${i}`)
          await click(team.id, day, "newsletter", `team-${i}`)
        }
        await click(bob.id, day, "spring", "bob")
      }
      await line(ada.id, "2025-12-31", 10.1)
      await line(ada.id, "2026-01-01", 20.2)
      await line(bob.id, "2026-01-15", 5.05, "eur")
      await line(team.id, "2026-01-31", 1.01)
      await line(team.id, "2026-02-01", 2.02)
      await service.refreshStats()

      // The months are in the monthly tables (so the reports above read them).
      const { rows: months } = await knex().raw(
        `SELECT to_char(day, 'YYYY-MM-DD') AS month, clicks FROM affiliate_monthly_total
          WHERE affiliate_id = ? AND currency_code = '' ORDER BY day`,
        [ada.id]
      )
      expect(months.map((row: any) => [row.month, row.clicks])).toEqual([
        ["2025-12-01", 3],
        ["2026-01-01", 5],
        ["2026-02-01", 1],
        ["2026-03-01", 2],
      ])
      const year = RANGES[0]
      expect(await totals(year)).toEqual({ clicks: 23, commission: 33.33 })
      expect(await totals(year, true)).toEqual({ clicks: 9, commission: 3.03 })
      expect(await totals(year, false)).toEqual({ clicks: 14, commission: 30.3 })
      await compareAll(ada.id)

      // Late events: a click on an old day, a line written for an old day, a line rejected.
      await click(ada.id, "2026-01-10", "autumn", "late")
      await line(ada.id, "2026-01-10", 0.07)
      const rejected = await line(team.id, "2025-12-31", 4)
      await service.refreshStats()
      await knex()("affiliate_commission_line").where({ id: rejected }).update({ status: "rejected", updated_at: knex().fn.now() })
      await service.refreshStats()
      expect(await totals(year)).toEqual({ clicks: 24, commission: 33.4 })
      expect(await totals(year, false)).toEqual({ clicks: 15, commission: 30.37 })
      const [autumn] = (await queryReport(knex(), "utm_campaign", year)).filter((row) => row.key === "autumn")
      expect(autumn.clicks).toBe(1)
      await compareAll(ada.id)

      // A rebuild sums the roll-ups again from the rebuilt days: nothing changes.
      const before = await queryReport(knex(), "affiliate", RANGES[2])
      await service.rebuildStats()
      expect(await queryReport(knex(), "affiliate", RANGES[2])).toEqual(before)
      await compareAll(ada.id)
    })
  },
})
