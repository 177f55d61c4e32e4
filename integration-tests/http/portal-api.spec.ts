import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../dev/demo-store"
import { PARTNER_LEDGER_HEADER, PARTNER_PAYOUT_HEADER } from "../../src/modules/affiliate/exports/rows"
import type { AdminAuth } from "../helpers/admin"
import { afterSubscribers, orderLines } from "../helpers/affiliates"
import { parseCsv, parseCsvObjects } from "../helpers/csv"
import { placeReferredOrder, setUpDemoStore } from "../helpers/demo-suite"
import { type Partner, registerPartner } from "../helpers/partners"
import { visit } from "../helpers/visits"

jest.setTimeout(900_000)

/** Every read route of the partner portal (issue 12), with a valid query. */
const READ_ROUTES = [
  "/affiliate/dashboard?days=7",
  "/affiliate/codes",
  "/affiliate/destinations?q=shirt",
  "/affiliate/customers?limit=5",
  "/affiliate/commissions?status=pending",
  "/affiliate/commissions/export?type=sale",
  "/affiliate/balances",
  "/affiliate/payouts?status=paid",
  "/affiliate/payouts/export",
  "/affiliate/payouts/afpay_01UNKNOWN",
  "/affiliate/creatives?type=banner",
]

// The partner portal's reads: each partner sees their own rows only, customers
// anonymized, the ledger and payouts as the admin wrote them, CSVs streamed,
// every refusal a 400 naming the field.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth
    let ann: Partner
    let ben: Partner

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
      // Approval gives each a code from their name: ANN, BEN.
      ann = await registerPartner(api, admin, "ann@partners.test", "Ann")
      ben = await registerPartner(api, admin, "ben@partners.test", "Ben")
    })

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const get = async (path: string, who: Partner) => (await api.get(path, who.auth)).data

    it("answers 401 without a partner's token, and to an admin's token", async () => {
      for (const path of READ_ROUTES) {
        const anonymous = await errorOf(api.get(path))
        expect([path, anonymous.status]).toEqual([path, 401])
        const asAdmin = await errorOf(api.get(path, admin))
        expect([path, asAdmin.status]).toEqual([path, 401])
      }
    })

    it("shows each partner their own order, customer, lines, balance, payout with its lines, codes and creatives", async () => {
      const [tshirt, sweatshirt, mug] = store.products
      await visit(api, "/r/ANN")
      const annOrder = await placeReferredOrder(api, getContainer(), store, { code: "ANN", items: [[tshirt, 2]] })
      const benOrder = await placeReferredOrder(api, getContainer(), store, { code: "BEN", items: [[tshirt, 1]] })
      const [annSale] = await orderLines(api, admin, annOrder.id)
      const [benSale] = await orderLines(api, admin, benOrder.id)
      expect(annSale).toMatchObject({ affiliate_id: ann.id, type: "sale", status: "pending" })

      // An approved bonus, paid out by the admin: a payout settling one line.
      await api.post(
        `/admin/affiliates/${ann.id}/adjustments`,
        { type: "bonus", amount: 12.5, currency_code: "usd", reason: "launch bonus", status: "approved" },
        admin
      )
      const { data: paid } = await api.post(`/admin/affiliates/${ann.id}/payouts`, { currency_code: "usd" }, admin)
      expect(paid.payout).toMatchObject({ status: "paid", amount: 12.5 })

      // Dashboard (H2): this period against the one before, and the latest lines.
      const { dashboard } = await get("/affiliate/dashboard?days=30", ann)
      expect(dashboard.current).toMatchObject({ clicks: 1, orders: 1, signups: 0 })
      expect(dashboard.current.earnings.usd).toBeGreaterThanOrEqual(annSale.amount)
      expect(dashboard.previous).toEqual({ clicks: 0, signups: 0, orders: 0, earnings: {} })
      expect(dashboard.currencies).toEqual(["usd"])
      expect(Date.parse(dashboard.to) - Date.parse(dashboard.from)).toBe(29 * 86_400_000)
      expect(Date.parse(dashboard.previous_to) - Date.parse(dashboard.previous_from)).toBe(29 * 86_400_000)
      expect(dashboard.latest_lines.map((line: any) => line.id)).toContain(annSale.id)
      expect(JSON.stringify(dashboard)).not.toContain(benSale.id)
      expect((await get("/affiliate/dashboard", ben)).dashboard.current).toMatchObject({ clicks: 0, orders: 1 })

      // Customers (H5): the order anonymized, nothing that identifies the shopper.
      const customers = await api.get("/affiliate/customers", ann.auth)
      expect(customers.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
      expect(customers.data.customers).toEqual([
        {
          id: expect.stringMatching(/^afattr_/),
          email: "s***@e***.com",
          country_code: "us",
          ordered_at: expect.any(String),
          order_total: annOrder.total,
          currency_code: "usd",
          commission: annSale.amount,
          status: "pending",
        },
      ])
      const raw = JSON.stringify(customers.data)
      for (const secret of ["shopper@example.com", "shopper", annOrder.id, "Test", "Test Street", "New York", "10001"]) {
        expect(raw).not.toContain(secret)
      }
      if (annOrder.customer_id) expect(raw).not.toContain(annOrder.customer_id)
      const benCustomers = await get("/affiliate/customers", ben)
      expect(benCustomers.count).toBe(1)
      expect(benCustomers.customers[0].id).not.toBe(customers.data.customers[0].id)
      // Ben's order canceled: its commission taken back, the customer reads as reversed.
      await afterSubscribers(getContainer(), "order.canceled", () => api.post(`/admin/orders/${benOrder.id}/cancel`, {}, admin))
      expect((await get("/affiliate/customers", ben)).customers).toEqual([
        expect.objectContaining({ email: "s***@e***.com", commission: 0, status: "reversed" }),
      ])

      // The ledger (H6): Ann's two lines, filtered; none of Ben's.
      const ledger = await get("/affiliate/commissions", ann)
      expect(ledger).toMatchObject({ count: 2, offset: 0, limit: 20 })
      expect(ledger.commission_lines.map((line: any) => [line.type, line.status, line.amount, line.currency_code])).toEqual(
        expect.arrayContaining([
          ["sale", "pending", annSale.amount, "usd"],
          ["bonus", "paid", 12.5, "usd"],
        ])
      )
      expect(JSON.stringify(ledger)).not.toContain(benSale.id)
      expect(Object.keys(ledger.commission_lines[0]).sort()).toEqual(
        ["amount", "approved_at", "created_at", "currency_code", "hold_until", "id", "level", "payout_id", "reason", "status", "type"]
      )
      const today = new Date().toISOString().slice(0, 10)
      const onlyPaid = await get(`/affiliate/commissions?status=paid&from=${today}&to=${today}`, ann)
      expect(onlyPaid.commission_lines.map((line: any) => line.payout_id)).toEqual([paid.payout.id])
      expect((await get("/affiliate/commissions?type[]=sale&type[]=lead", ann)).commission_lines.map((l: any) => l.id)).toEqual([annSale.id])
      expect((await get("/affiliate/commissions?currency_code=EUR", ann)).count).toBe(0)
      expect((await get("/affiliate/commissions?from=2020-01-01&to=2020-12-31", ann)).count).toBe(0)
      const page = await get("/affiliate/commissions?limit=1&offset=1", ann)
      expect([page.count, page.commission_lines.length, page.limit, page.offset]).toEqual([2, 1, 1, 1])
      expect((await get("/affiliate/commissions", ben)).commission_lines.map((line: any) => [line.type, line.amount])).toEqual([
        ["reversal", -benSale.amount],
        ["sale", benSale.amount],
      ])

      // The ledger as CSV: the list's lines, Ann's only.
      const csv = await api.get("/affiliate/commissions/export", ann.auth)
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(parseCsv(csv.data)[0]).toEqual(PARTNER_LEDGER_HEADER)
      const csvRows = parseCsvObjects(csv.data)
      expect(csvRows.map((row) => row.id).sort()).toEqual(ledger.commission_lines.map((line: any) => line.id).sort())
      expect(csvRows.find((row) => row.type === "bonus")).toMatchObject({ amount: "12.50", currency: "USD", status: "paid", payout_id: paid.payout.id })
      expect(csv.data).not.toContain(annOrder.id)
      const paidCsv = parseCsvObjects((await api.get("/affiliate/commissions/export?status=paid", ann.auth)).data)
      expect(paidCsv.map((row) => row.type)).toEqual(["bonus"])
      expect(parseCsvObjects((await api.get("/affiliate/commissions/export?type=sale", ben.auth)).data).map((row) => row.id)).toEqual([benSale.id])

      // Balances: the pending sale, nothing approved left, the bonus paid.
      expect((await get("/affiliate/balances", ann)).balances).toEqual([
        { currency_code: "usd", pending: annSale.amount, approved: 0, in_flight: 0, paid: 12.5, minimum_payout: expect.any(Number) },
      ])
      expect((await get("/affiliate/balances", ben)).balances).toEqual([
        expect.objectContaining({ currency_code: "usd", pending: 0, approved: 0, paid: 0 }),
      ])

      // Payouts: the list, one with its lines, the CSV; Ben has none and can't read Ann's.
      const payouts = await get("/affiliate/payouts", ann)
      expect(payouts).toMatchObject({ count: 1, offset: 0, limit: 20 })
      expect(payouts.payouts).toEqual([
        {
          id: paid.payout.id,
          amount: 12.5,
          currency_code: "usd",
          status: "paid",
          method: expect.any(String),
          reference: null,
          created_at: expect.any(String),
          paid_at: expect.any(String),
        },
      ])
      const { payout } = await get(`/affiliate/payouts/${paid.payout.id}`, ann)
      expect(payout).toMatchObject({ id: paid.payout.id, amount: 12.5, lines_count: 1 })
      expect(payout.lines).toEqual([expect.objectContaining({ type: "bonus", amount: 12.5, status: "paid", payout_id: paid.payout.id })])
      expect(await get("/affiliate/payouts", ben)).toMatchObject({ payouts: [], count: 0 })
      const theirs = await errorOf(api.get(`/affiliate/payouts/${paid.payout.id}`, ben.auth))
      const unknown = await errorOf(api.get("/affiliate/payouts/afpay_01UNKNOWN", ben.auth))
      expect([theirs.status, unknown.status]).toEqual([404, 404])
      expect(theirs.data.message).toBe(unknown.data.message.replace("afpay_01UNKNOWN", paid.payout.id))
      const payoutCsv = (await api.get("/affiliate/payouts/export", ann.auth)).data
      expect(parseCsv(payoutCsv)[0]).toEqual(PARTNER_PAYOUT_HEADER)
      expect(parseCsvObjects(payoutCsv)).toEqual([
        expect.objectContaining({ id: paid.payout.id, amount: "12.50", currency: "USD", status: "paid" }),
      ])
      expect(parseCsvObjects((await api.get("/affiliate/payouts/export?status=failed", ann.auth)).data)).toEqual([])
      expect(parseCsvObjects((await api.get("/affiliate/payouts/export", ben.auth)).data)).toEqual([])

      // Codes: each partner's own, with the link to share.
      expect((await get("/affiliate/codes", ann)).codes).toEqual([
        { id: expect.any(String), code: "ANN", is_active: true, expires_at: null, aliases: [], share_url: "http://localhost:9000/r/ANN" },
      ])
      expect((await get("/affiliate/codes", ben)).codes.map((code: any) => code.code)).toEqual(["BEN"])

      // Destinations: published products partners are offered (the mug hidden, the sweatshirt out of the program).
      await api.post(`/admin/products/${mug.id}/affiliate-program`, { visible_in_portal: false }, admin)
      await api.post(`/admin/products/${sweatshirt.id}/affiliate-program`, { in_program: false }, admin)
      await api.post(`/admin/products/${tshirt.id}/affiliate-program`, { landing_url: "/sale/t-shirts" }, admin)
      const destinations = await get("/affiliate/destinations", ann)
      expect(destinations).toMatchObject({ count: 1, offset: 0, limit: 20 })
      expect(destinations.destinations).toEqual([
        { kind: "product", id: tshirt.id, title: tshirt.title, handle: tshirt.handle, thumbnail: null, url: "/sale/t-shirts" },
      ])
      expect((await get("/affiliate/destinations?q=mug", ann)).count).toBe(0)
      await api.post(`/admin/products/${mug.id}/affiliate-program`, { visible_in_portal: true }, admin)
      expect((await get("/affiliate/destinations?q=mug", ann)).destinations).toEqual([
        expect.objectContaining({ id: mug.id, url: `/products/${mug.handle}` }),
      ])

      // Creatives: the link and HTML carry the caller's code.
      await api.post(
        "/admin/affiliate-creatives",
        { type: "text_link", name: "Tee link", product_id: tshirt.id, link_text: "Shop <tees>" },
        admin
      )
      // A creative of a product out of the program is not offered (as the destinations).
      await api.post(
        "/admin/affiliate-creatives",
        { type: "text_link", name: "Sweatshirt link", product_id: sweatshirt.id, link_text: "Warm" },
        admin
      )
      const { creatives } = await get("/affiliate/creatives", ann)
      expect(creatives).toEqual([
        {
          id: expect.any(String),
          name: "Tee link",
          type: "text_link",
          product: { id: tshirt.id, title: tshirt.title },
          image_url: null,
          link: "http://localhost:8000/sale/t-shirts?ref=ANN",
          html: `<a href="http://localhost:8000/sale/t-shirts?ref=ANN">Shop &lt;tees&gt;</a>`,
          text: "Shop <tees>",
        },
      ])
      expect((await get("/affiliate/creatives", ben)).creatives[0].link).toBe("http://localhost:8000/sale/t-shirts?ref=BEN")
      expect((await get("/affiliate/creatives?type=banner", ann)).creatives).toEqual([])
    })

    it("refuses invalid queries on every route with a 400 naming the field", async () => {
      const cases: [string, string][] = [
        ["/affiliate/dashboard?days=14", "days"],
        ["/affiliate/dashboard?days=30&from=2026-01-01", "from"],
        ["/affiliate/codes?limit=5", "limit"],
        ["/affiliate/destinations?limit=0", "limit"],
        ["/affiliate/destinations?limit=1000", "limit"],
        ["/affiliate/destinations?offset=-1", "offset"],
        ["/affiliate/destinations?q=" + "x".repeat(201), "q"],
        ["/affiliate/destinations?q=a%00b", "q"],
        ["/affiliate/destinations?status=draft", "status"],
        ["/affiliate/customers?limit=0", "limit"],
        ["/affiliate/customers?limit=1000", "limit"],
        ["/affiliate/customers?email=x", "email"],
        ["/affiliate/commissions?limit=0", "limit"],
        ["/affiliate/commissions?limit=1000", "limit"],
        ["/affiliate/commissions?status=bogus", "status"],
        ["/affiliate/commissions?type=bogus", "type"],
        ["/affiliate/commissions?from=2026-02-30", "from"],
        ["/affiliate/commissions?to=yesterday", "to"],
        ["/affiliate/commissions?from=2026-05-02&to=2026-05-01", "from"],
        ["/affiliate/commissions?currency_code=dollars", "currency_code"],
        ["/affiliate/commissions?affiliate_id=aff_other", "affiliate_id"],
        ["/affiliate/commissions/export?status=bogus", "status"],
        ["/affiliate/commissions/export?from=2026-13-01", "from"],
        ["/affiliate/commissions/export?limit=10", "limit"],
        ["/affiliate/balances?currency_code=1", "currency_code"],
        ["/affiliate/balances?affiliate_id=aff_other", "affiliate_id"],
        ["/affiliate/payouts?limit=0", "limit"],
        ["/affiliate/payouts?limit=1000", "limit"],
        ["/affiliate/payouts?status=bogus", "status"],
        ["/affiliate/payouts?affiliate_id=aff_other", "affiliate_id"],
        ["/affiliate/payouts/export?status=bogus", "status"],
        ["/affiliate/payouts/export?affiliate_id=aff_other", "affiliate_id"],
        ["/affiliate/payouts/afpay_01UNKNOWN?expand=lines", "expand"],
        ["/affiliate/payouts/" + "x".repeat(80), "id"],
        ["/affiliate/creatives?type=video", "type"],
        ["/affiliate/creatives?product_id=%00", "product_id"],
        ["/affiliate/creatives?limit=5", "limit"],
      ]
      for (const [path, field] of cases) {
        const response = await errorOf(api.get(path, ann.auth))
        expect([path, response.status]).toEqual([path, 400])
        expect([path, response.data.message]).toEqual([path, expect.stringContaining(field)])
      }
    })

    it("answers hostile query values with a 4xx, never a 5xx", async () => {
      const params = ["days", "q", "limit", "offset", "status", "type", "currency_code", "from", "to", "product_id"]
      const values = ["[$gt]=1", "[]=1&x=2", "[a][b][c]=1", "=%00", "=%F0%9F%98%80", "=" + "9".repeat(30), "=-1", "=1e3", "=%27%3B--"]
      for (const route of READ_ROUTES.map((path) => path.split("?")[0])) {
        for (const param of params) {
          for (const value of values) {
            const response = await errorOf(api.get(`${route}?${param}${value}`, ann.auth))
            expect([route, param, value, response.status < 500]).toEqual([route, param, value, true])
          }
        }
      }
    })
  },
})
