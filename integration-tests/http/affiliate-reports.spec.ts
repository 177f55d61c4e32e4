import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { createAffiliateWithCode } from "../helpers/affiliates"
import { BROWSER } from "../helpers/visits"

// Generous: the app boots in the suite's first hook, slow on a loaded machine.
jest.setTimeout(900_000)

// The Reports screen's queries (issue 11): internal channels reported apart
// from external partners (B4), ranges up to a year (read from the monthly
// roll-ups where they hold whole months), and the refusals.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const visit = (path: string, userAgent = BROWSER) =>
      api.get(path, { headers: { "user-agent": userAgent }, maxRedirects: 0, validateStatus: (status: number) => status === 302 } as any)
    const rows = async (query: string) => (await api.get(`/admin/affiliate-reports?${query}`, admin)).data.rows as any[]
    const summary = async (query: string) => (await api.get(`/admin/affiliate-reports/summary?${query}`, admin)).data.summary
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

    describe("internal channels and external partners (B4)", () => {
      it("reports each apart, in every grouping, adding up to the whole program, over a month and a year", async () => {
        const { affiliate: ada } = await createAffiliateWithCode(api, admin, { code: "ADA" })
        const { data } = await api.post(
          "/admin/affiliates",
          { name: "Newsletter team", email: "newsletter@store.test", status: "active", is_internal: true, commission_rate: 0 },
          admin
        )
        const team = data.affiliate
        await api.post(`/admin/affiliates/${team.id}/codes`, { code: "TEAM" }, admin)
        await visit("/r/ADA?utm_campaign=spring")
        await visit("/r/ADA?utm_campaign=spring", BROWSER + " other")
        await visit("/r/TEAM?utm_campaign=newsletter")
        await placeReferredOrder(api, getContainer(), store, { code: "ADA", items: [[store.products[0], 1]] })
        await placeReferredOrder(api, getContainer(), store, { code: "TEAM", items: [[store.products[1], 1]] })

        for (const range of ["", `&from=${day(-364)}&to=${day(0)}`]) {
          const all = await summary(range.slice(1))
          const internal = await summary(`is_internal=true${range}`)
          const external = await summary(`is_internal=false${range}`)
          expect(internal.current).toMatchObject({ clicks: 1, orders: 1 })
          expect(external.current).toMatchObject({ clicks: 2, orders: 1 })
          expect(all.current).toMatchObject({ clicks: 3, orders: 2 })
          const revenue = (s: any) => s.current.by_currency.usd.revenue
          expect(revenue(internal) + revenue(external)).toBe(revenue(all))

          // The code orders have no campaign: their row's key is "".
          const campaigns = async (segment: string) =>
            (await rows(`group_by=utm_campaign&is_internal=${segment}${range}`)).map((r) => [r.key, r.clicks, r.orders])
          expect(await campaigns("false")).toEqual([["", 0, 1], ["spring", 2, 0]])
          expect(await campaigns("true")).toEqual([["", 0, 1], ["newsletter", 1, 0]])
          expect((await rows(`group_by=affiliate&is_internal=true${range}`)).map((r) => r.key)).toEqual([team.id])
          expect((await rows(`group_by=affiliate&is_internal=false${range}`)).map((r) => r.key)).toEqual([ada.id])
          const top = await rows(`group_by=affiliate&is_internal=false&order_by=revenue&currency_code=usd&limit=5${range}`)
          expect(top.map((r) => r.key)).toEqual([ada.id])
          const sum = (list: any[], field: string) => list.reduce((s, r) => s + r[field], 0)
          for (const group of ["day", "sales_channel"]) {
            const whole = await rows(`group_by=${group}${range}`)
            const parts = [...(await rows(`group_by=${group}&is_internal=true${range}`)), ...(await rows(`group_by=${group}&is_internal=false${range}`))]
            expect([sum(parts, "clicks"), sum(parts, "orders"), sum(parts, "converted_clicks")]).toEqual([
              sum(whole, "clicks"),
              sum(whole, "orders"),
              sum(whole, "converted_clicks"),
            ])
          }
          // Conversion never passes 100 %; the code orders are beside it, not in it.
          expect(internal.current).toMatchObject({ orders_from_codes: 1, converted_clicks: 0, conversion_rate: 0 })
        }
        // One partner's figures by code, over a year.
        const byCode = await rows(`group_by=code&affiliate_id=${ada.id}&from=${day(-364)}&to=${day(0)}`)
        expect(byCode.reduce((s, r) => s + r.orders, 0)).toBe(1)
      })
    })

    describe("refusals", () => {
      it.each([
        ["/admin/affiliate-reports?is_internal=yes", "is_internal"],
        ["/admin/affiliate-reports/summary?is_internal=1", "is_internal"],
        ["/admin/affiliate-reports?group_by=code", "group_by: code reports are per affiliate; pass affiliate_id"],
        ["/admin/affiliate-reports?group_by=link&is_internal=true", "group_by: link reports are per affiliate; pass affiliate_id"],
        ["/admin/affiliate-reports?group_by=week", "group_by"],
        ["/admin/affiliate-reports?from=2026-02-01&to=2026-01-01", "from: 2026-02-01 is after to: 2026-01-01"],
        ["/admin/affiliate-reports/summary?from=2020-01-01&to=2026-01-01", "from, to: a report covers at most 1098 days"],
        ["/admin/affiliate-reports?from=2026-02-30", "from"],
        ["/admin/affiliate-reports?segment=internal", "segment"],
      ])("GET %s answers 400 naming the field", async (path, message) => {
        const response = await errorOf(api.get(path, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
      })

      it("answers 401 without an admin", async () => {
        const response = await errorOf(api.get("/admin/affiliate-reports?is_internal=true"))
        expect(response.status).toBe(401)
      })
    })
  },
})
