import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { setStoreCurrencies } from "../helpers/affiliates"
import { parseCsv, parseCsvObjects } from "../helpers/csv"

jest.setTimeout(180_000)

const PRECISION: Record<string, number> = { usd: 2, jpy: 0, kwd: 3 }
/** What the ledger list's number is, written the way the CSV must write it. */
const expected = (amount: number, currency: string) => MathBN.convert(amount).toFixed(PRECISION[currency])
const sum = (amounts: (string | number)[]) => MathBN.sum(0, ...amounts).toString()

// The CSV exports: the ledger with its list's filters, and payouts as PayPal's
// Payouts Web upload and as a bank-transfer sheet, each compared cent for cent
// with what the list routes and the ledger say; streamed, with back-pressure.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let ann: any
    let ben: any
    let cal: any

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const service = () => getContainer().resolve("affiliate") as any
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any

    const createAffiliate = async (name: string, email: string) =>
      (await api.post("/admin/affiliates", { name, email, status: "active" }, admin)).data.affiliate
    const approved = (affiliateId: string, currency: string, specs: { amount: number; type?: string; reason?: string }[]) =>
      service().createCommissionLines(
        specs.map((spec, i) => ({
          affiliate_id: affiliateId,
          type: spec.type ?? "sale",
          status: "approved",
          amount: spec.amount,
          currency_code: currency,
          order_id: spec.type && spec.type !== "sale" ? null : `order_${affiliateId}_${currency}_${i}`,
          reason: spec.reason ?? null,
          approved_at: new Date(),
        }))
      )
    const pay = async (affiliateId: string, currency: string, note?: string) =>
      (await api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: currency, note }, admin)).data.payout

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      await setStoreCurrencies(getContainer(), ["usd", "jpy", "kwd"])
      // Names are partner input: one tries a spreadsheet formula, one needs quoting.
      ann = await createAffiliate('=HYPERLINK("http://evil.test","Ann")', "ann@partners.test")
      ben = await createAffiliate('Ben "the Banker", Ltd', "ben@partners.test")
      cal = await createAffiliate("Cal", "cal@partners.test")
      await api.post(`/admin/affiliates/${ann.id}/payout-details`, { method: "paypal", email: "ann.pay@example.com" }, admin)
      await api.post(
        `/admin/affiliates/${ben.id}/payout-details`,
        {
          method: "bank_transfer",
          account_holder_name: "Ben Banker",
          iban: "DE89370400440532013000",
          bic: "COBADEFFXXX",
          bank_name: "Commerzbank",
          country: "DE",
        },
        admin
      )
      await approved(ann.id, "usd", [{ amount: 10.1 }, { amount: 20.25 }, { amount: -3.35, type: "adjustment", reason: "+SUM(A1) correction" }])
      await approved(ann.id, "jpy", [{ amount: 1000 }, { amount: 2500 }])
      await approved(ben.id, "kwd", [{ amount: 1.25 }, { amount: 0.125 }])
      await approved(ben.id, "jpy", [{ amount: 700 }])
      await approved(cal.id, "usd", [{ amount: 5 }])
    })

    async function csvOf(url: string) {
      const response = await api.get(url, { ...admin, responseType: "text" } as any)
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8")
      expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="affiliate-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/)
      return response.data as string
    }

    it("the ledger CSV has the ledger list's lines, cent for cent, under the same filters", async () => {
      const payout = await pay(ann.id, "usd")
      const since = new Date(Date.now() - 60_000).toISOString()
      const filters = [
        "",
        `affiliate_id=${ann.id}`,
        "currency_code=jpy",
        `status=paid&type[]=sale&type[]=adjustment`,
        `created_at[$gte]=${since}`,
        `payout_id=${payout.id}`,
        `affiliate_id[]=${ben.id}&affiliate_id[]=${cal.id}&status=approved`,
      ]
      for (const filter of filters) {
        const { data: list } = await api.get(`/admin/affiliate-commissions?${filter}&limit=1000`, admin)
        const rows = parseCsvObjects(await csvOf(`/admin/affiliate-commissions/export?${filter}`))
        expect(list.count).toBeGreaterThan(0)
        expect(rows.map((row) => row.id).sort()).toEqual(list.commission_lines.map((line: any) => line.id).sort())
        const byId = new Map(rows.map((row) => [row.id, row]))
        for (const line of list.commission_lines) {
          expect(byId.get(line.id)).toEqual({
            id: line.id,
            created_at: line.created_at,
            affiliate_id: line.affiliate_id,
            affiliate_name: expect.any(String),
            affiliate_email: expect.stringMatching(/@partners\.test$/),
            type: line.type,
            status: line.status,
            amount: expected(line.amount, line.currency_code),
            currency: line.currency_code.toUpperCase(),
            order_id: line.order_id ?? "",
            reference: line.reference ?? "",
            reason: line.reason?.startsWith("+") ? `'${line.reason}` : line.reason ?? "",
            payout_id: line.payout_id ?? "",
            approved_at: line.approved_at ?? "",
            hold_until: line.hold_until ?? "",
          })
        }
        for (const currency of ["usd", "jpy", "kwd"]) {
          expect(sum(rows.filter((row) => row.currency === currency.toUpperCase()).map((row) => row.amount))).toBe(
            sum(list.commission_lines.filter((line: any) => line.currency_code === currency).map((line: any) => line.amount))
          )
        }
      }

      const all = parseCsvObjects(await csvOf("/admin/affiliate-commissions/export"))
      // Formulas in partner input come out as text; a negative amount keeps its sign.
      expect(all.filter((row) => row.affiliate_id === ann.id).map((row) => row.affiliate_name)).toContain(
        `'=HYPERLINK("http://evil.test","Ann")`
      )
      expect(all.find((row) => row.type === "adjustment" && row.amount.startsWith("-"))).toMatchObject({
        amount: "-3.35",
        reason: "'+SUM(A1) correction",
      })
      expect(all.find((row) => row.affiliate_id === ben.id)?.affiliate_name).toBe('Ben "the Banker", Ltd')
      expect(all.filter((row) => row.currency === "KWD").map((row) => row.amount).sort()).toEqual(["0.125", "1.250"])
      expect(all.filter((row) => row.currency === "JPY").map((row) => row.amount).sort()).toEqual(["1000", "2500", "700"])

      // Bad filters are the list's 400s; paging parameters aren't filters.
      for (const [query, message] of [
        ["status=bogus", "status"],
        ["created_at[$gte]=2026-02-30", "created_at"],
        ["limit=5", "limit"],
      ]) {
        const refused = await errorOf(api.get(`/admin/affiliate-commissions/export?${query}`, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain(message)
      }
    })

    it("the PayPal and bank CSVs have the payouts, cent for cent with their ledger lines, and refuse partners without details", async () => {
      const annUsd = await pay(ann.id, "usd", "Thanks, Ann")
      const annJpy = await pay(ann.id, "jpy")
      const benKwd = await pay(ben.id, "kwd")
      const benJpy = await pay(ben.id, "jpy")
      await pay(cal.id, "usd")
      const ledgerSum = async (payoutId: string) =>
        sum((await api.get(`/admin/affiliate-commissions?payout_id=${payoutId}`, admin)).data.commission_lines.map((l: any) => l.amount))

      // PayPal: no header; recipient, amount, currency, our id, note, wallet.
      const paypal = parseCsv(await csvOf(`/admin/affiliate-payouts/export?format=paypal&currency_code=usd&affiliate_id=${ann.id}`))
      expect(paypal).toEqual([["ann.pay@example.com", "27.00", "USD", annUsd.id, "Thanks, Ann", "PAYPAL"]])
      const { data: listed } = await api.get(`/admin/affiliate-payouts?currency_code=usd&affiliate_id=${ann.id}`, admin)
      expect(listed.payouts.map((p: any) => [p.id, expected(p.amount, "usd")])).toEqual([[annUsd.id, "27.00"]])
      expect(await ledgerSum(annUsd.id)).toBe("27")
      expect(parseCsv(await csvOf(`/admin/affiliate-payouts/export?format=paypal&currency_code=jpy&affiliate_id=${ann.id}`))).toEqual([
        ["ann.pay@example.com", "3500", "JPY", annJpy.id, "", "PAYPAL"],
      ])
      expect(await ledgerSum(annJpy.id)).toBe("3500")

      // Bank: a header, the IBAN in full, one line per payout in the order they were made.
      const bank = parseCsvObjects(await csvOf(`/admin/affiliate-payouts/export?format=bank&affiliate_id=${ben.id}`))
      const common = {
        account_holder_name: "Ben Banker",
        iban: "DE89370400440532013000",
        account_number: "",
        routing_number: "",
        sort_code: "",
        bic: "COBADEFFXXX",
        bank_name: "Commerzbank",
        country: "DE",
        affiliate_id: ben.id,
        affiliate_email: "ben@partners.test",
      }
      expect(bank).toEqual([
        { ...common, amount: "1.375", currency: "KWD", reference: benKwd.id },
        { ...common, amount: "700", currency: "JPY", reference: benJpy.id },
      ])
      for (const row of bank) {
        expect(MathBN.eq(await ledgerSum(row.reference), row.amount)).toBe(true)
      }

      // A partner without details of the layout's kind is named, and no file is made.
      const missingPaypal = await errorOf(api.get("/admin/affiliate-payouts/export?format=paypal&currency_code=usd", admin))
      expect([missingPaypal.status, missingPaypal.data.affiliate_ids, missingPaypal.data.count]).toEqual([409, [cal.id], 1])
      expect(missingPaypal.data.message).toMatch(/no paypal payout details/)
      const missingBank = await errorOf(api.get("/admin/affiliate-payouts/export?format=bank", admin))
      expect([missingBank.status, missingBank.data.affiliate_ids, missingBank.data.count]).toEqual([409, [ann.id, cal.id].sort(), 2])

      for (const [query, message] of [
        ["format=paypal", "currency_code: required for format=paypal"],
        ["format=csv", "format"],
        ["", "format"],
        ["format=bank&status=bogus", "status"],
        ["format=bank&limit=5", "limit"],
      ]) {
        const refused = await errorOf(api.get(`/admin/affiliate-payouts/export?${query}`, admin))
        expect([query, refused.status]).toEqual([query, 400])
        expect(refused.data.message).toContain(message)
      }
    })

    it("a batch exports by its id: one line per payout it made, cent for cent", async () => {
      const { data } = await api.post("/admin/affiliate-payout-batches", { currency_code: "jpy" }, admin)
      const batch = data.payout_batch
      const byPartner = Object.fromEntries(batch.payouts.map((p: any) => [p.affiliate_id, p]))
      expect(Object.keys(byPartner).sort()).toEqual([ann.id, ben.id].sort())

      const paypal = parseCsv(
        await csvOf(`/admin/affiliate-payouts/export?format=paypal&currency_code=jpy&batch_id=${batch.id}&affiliate_id=${ann.id}`)
      )
      expect(paypal).toEqual([["ann.pay@example.com", "3500", "JPY", byPartner[ann.id].id, "", "PAYPAL"]])
      const bank = parseCsvObjects(await csvOf(`/admin/affiliate-payouts/export?format=bank&batch_id=${batch.id}&affiliate_id=${ben.id}`))
      expect(bank.map((row) => [row.reference, row.amount, row.currency])).toEqual([[byPartner[ben.id].id, "700", "JPY"]])

      // Ann has no bank details: the whole batch can't go out as a bank sheet, and says whose are missing.
      const refused = await errorOf(api.get(`/admin/affiliate-payouts/export?format=bank&batch_id=${batch.id}`, admin))
      expect([refused.status, refused.data.affiliate_ids]).toEqual([409, [ann.id]])
      // Another batch's id exports nothing of this one.
      expect(await csvOf(`/admin/affiliate-payouts/export?format=paypal&currency_code=jpy&batch_id=afpbat_other`)).toBe("")
    })

    it("streams 20,000 ledger lines a page at a time, only as fast as the client reads", async () => {
      // One statement: 20,000 approved lines with 1 KB reasons (~20 MB of CSV,
      // more than the socket buffers hold, so a stalled reader stalls the export).
      await knex().raw(
        `INSERT INTO affiliate_commission_line (id, affiliate_id, type, status, amount, raw_amount, currency_code, reason, created_at)
         SELECT 'afcom_bulk_' || lpad(g::text, 6, '0'), ?, 'adjustment', 'approved', 1.25,
                '{"value": "1.25", "precision": 20}'::jsonb, 'usd', repeat('r', 1000), now() + g * interval '1 microsecond'
           FROM generate_series(1, 20000) g`,
        [cal.id]
      )
      const affiliate = service()
      const original = affiliate.listLedgerExportPage
      let pages = 0
      affiliate.listLedgerExportPage = function (...args: unknown[]) {
        pages++
        return original.apply(this, args)
      }
      try {
        const rssBefore = process.memoryUsage().rss
        const response = await api.get(`/admin/affiliate-commissions/export?affiliate_id=${cal.id}`, {
          ...admin,
          responseType: "stream",
        } as any)
        const stream = response.data as NodeJS.ReadableStream
        // Paused in the listener itself: any later chunk would be emitted to nobody.
        const first: Buffer = await new Promise((resolve) =>
          stream.once("data", (chunk: Buffer) => {
            stream.pause()
            resolve(chunk)
          })
        )
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        // A handful of pages fill the buffers between the database and a reader that stopped; not all 21.
        expect(pages).toBeLessThan(10)

        let chunks = 1
        let bytes = first.length
        let lines = first.toString().split("\n").length - 1
        let rssPeak = process.memoryUsage().rss
        stream.on("data", (chunk: Buffer) => {
          chunks++
          bytes += chunk.length
          lines += chunk.toString().split("\n").length - 1
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
        })
        await new Promise((resolve, reject) => {
          stream.on("end", resolve)
          stream.on("error", reject)
          stream.resume()
        })
        // The header, cal's own line and the 20,000.
        expect(lines).toBe(20_002)
        expect(bytes).toBeGreaterThan(20_000_000)
        expect(chunks).toBeGreaterThan(100)
        // 20 full pages of 1,000 and an empty one that ends the export.
        expect(pages).toBe(21)
        // The whole file is ~20 MB; a server holding it (as rows, strings and buffers) would grow by several times that.
        expect(rssPeak - rssBefore).toBeLessThan(80 * 1024 * 1024)
      } finally {
        affiliate.listLedgerExportPage = original
      }
    })
  },
})
