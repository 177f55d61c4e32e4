import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { signSandboxWebhook } from "../../dev/payout-sandbox"
import pollAffiliatePayoutsJob from "../../src/jobs/poll-affiliate-payouts"
import { AffiliateEvents } from "../../src/types/events"
import { runAffiliatePayoutScheduleWorkflow } from "../../src/workflows/payouts"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { balanceOf, setStoreCurrencies } from "../helpers/affiliates"
import { recordAffiliateEvents } from "../helpers/events"

jest.setTimeout(180_000)

// Payouts as operations (issue 10, F2/F3/F6): the lifecycle and its ledger
// lines, retries, batches, the sandbox provider paying later, the monthly
// schedule, and the events and audit entries each change leaves.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let events: ReturnType<typeof recordAffiliateEvents>

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      await setStoreCurrencies(getContainer(), ["usd", "eur"])
      events = recordAffiliateEvents(getContainer())
    })
    afterEach(async () => {
      events.stop()
      // Settings are cached in the process for a few seconds: don't carry them into the next test's database.
      await api.delete("/admin/affiliate-settings", admin)
    })

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    /** A decimal string without trailing zeros ("0.00" → "0"). */
    const exact = (value: string) => value.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")
    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)

    const partner = async (name: string, email = `${name.toLowerCase()}@partners.test`) => {
      const { data } = await api.post("/admin/affiliates", { name, email, status: "active" }, admin)
      return data.affiliate.id as string
    }
    /** An approved bonus: money the partner can be paid. */
    const credit = async (affiliateId: string, amount: number, currency_code = "usd") => {
      await api.post(
        `/admin/affiliates/${affiliateId}/adjustments`,
        { type: "bonus", amount, currency_code, reason: "test credit", status: "approved" },
        admin
      )
    }
    /** Exact sums from the ledger, as text. */
    const ledger = async (affiliateId: string, currency = "usd") => {
      const { rows } = await knex().raw(
        `SELECT COALESCE(SUM(amount), 0)::text AS total,
                COALESCE(SUM(amount) FILTER (WHERE status = 'approved' AND payout_id IS NULL), 0)::text AS available
           FROM affiliate_commission_line WHERE affiliate_id = ? AND currency_code = ? AND deleted_at IS NULL`,
        [affiliateId, currency]
      )
      return { total: exact(rows[0].total), available: exact(rows[0].available) }
    }
    const payoutLinesSum = async (payoutId: string) => {
      const { rows } = await knex().raw(
        `SELECT COALESCE(SUM(amount), 0)::text AS sum FROM affiliate_commission_line WHERE payout_id = ?`,
        [payoutId]
      )
      return exact(rows[0].sum)
    }
    const counts = async () => {
      const { rows } = await knex().raw(
        `SELECT (SELECT COUNT(*) FROM affiliate_payout)::int AS payouts,
                (SELECT COUNT(*) FROM affiliate_payout_batch)::int AS batches,
                (SELECT COUNT(*) FROM affiliate_commission_line)::int AS lines,
                (SELECT COUNT(*) FROM affiliate_audit_entry WHERE action LIKE 'payout%')::int AS audit`
      )
      return rows[0]
    }
    const audit = async (targetId: string) =>
      (
        await knex()("affiliate_audit_entry").where({ target_id: targetId }).orderBy([{ column: "created_at" }, { column: "id" }])
      ).map((entry: any) => ({
        action: entry.action,
        actor: `${entry.actor_type}:${entry.actor_id}`,
        before: entry.before,
        after: entry.after,
        reason: entry.reason,
      }))
    const pay = (affiliateId: string, body: Record<string, unknown> = {}) =>
      api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd", ...body }, admin)

    describe("lifecycle", () => {
      it("fails a payout, gives its amount back with ledger lines, and a retry pays it once", async () => {
        const id = await partner("Async", "async+async@partners.test")
        await credit(id, 30.1)
        await credit(id, 12.25)

        const { data: created } = await pay(id, { provider_id: "sandbox" })
        expect(created.payout).toMatchObject({ status: "processing", amount: 42.35, provider_id: "sandbox" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 0, in_flight: 42.35, paid: 0 })

        const { data: failed } = await api.post(
          `/admin/affiliate-payouts/${created.payout.id}/fail`,
          { reason: "IBAN closed" },
          admin
        )
        expect(failed.payout).toMatchObject({ status: "failed", failure_reason: "IBAN closed" })
        expect(failed.payout.failed_at).toBeTruthy()
        // Nothing deleted: the payout keeps its lines, plus the -42.35 return; +42.35 is back in the balance.
        expect(await payoutLinesSum(created.payout.id)).toBe("0")
        const returns = await knex()("affiliate_commission_line").where({ type: "payout_return" }).orderBy("amount")
        expect(returns.map((line: any) => [line.amount, line.status, line.payout_id])).toEqual([
          ["-42.35", "paid", created.payout.id],
          ["42.35", "approved", null],
        ])
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 42.35, in_flight: 0, paid: 0 })

        const { data: retried } = await api.post(
          `/admin/affiliate-payouts/${created.payout.id}/retry`,
          { provider_id: "manual" },
          admin
        )
        expect(retried.payout).toMatchObject({ status: "paid", amount: 42.35, retry_of_id: created.payout.id })
        expect(await payoutLinesSum(retried.payout.id)).toBe("42.35")
        expect(await ledger(id)).toEqual({ total: "42.35", available: "0" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 0, in_flight: 0, paid: 42.35 })

        const again = await errorOf(api.post(`/admin/affiliate-payouts/${created.payout.id}/retry`, {}, admin))
        expect(again.status).toBe(400)
        expect(again.data.message).toContain(`already retried by payout ${retried.payout.id}`)

        await events.settle()
        expect(events.idsOf(AffiliateEvents.PAYOUT_CREATED)).toEqual([created.payout.id, retried.payout.id])
        expect(events.idsOf(AffiliateEvents.PAYOUT_FAILED)).toEqual([created.payout.id])
        expect(events.idsOf(AffiliateEvents.PAYOUT_PAID)).toEqual([retried.payout.id])

        const actor = `user:${admin.userId}`
        expect(await audit(created.payout.id)).toEqual([
          expect.objectContaining({ action: "payout.created", actor, before: null, after: expect.objectContaining({ status: "pending", amount: "42.35" }) }),
          expect.objectContaining({ action: "payout.status_changed", actor, before: { status: "pending" }, after: expect.objectContaining({ status: "processing" }) }),
          { action: "payout.status_changed", actor, before: { status: "processing" }, after: { status: "failed" }, reason: "IBAN closed" },
        ])
        expect(await audit(retried.payout.id)).toEqual([
          expect.objectContaining({ action: "payout.created", actor, after: expect.objectContaining({ retry_of_id: created.payout.id }) }),
          expect.objectContaining({ action: "payout.status_changed", actor, before: { status: "pending" }, after: { status: "paid" } }),
        ])
      })

      it("cancels a payout before it is paid, and refuses moves its status doesn't allow", async () => {
        const id = await partner("Later", "later+async@partners.test")
        await credit(id, 19.99)
        const { data } = await pay(id, { provider_id: "sandbox" })
        const url = `/admin/affiliate-payouts/${data.payout.id}`

        const { data: canceled } = await api.post(`${url}/cancel`, { reason: "wrong account" }, admin)
        expect(canceled.payout).toMatchObject({ status: "canceled", status_reason: "wrong account" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 19.99, in_flight: 0, paid: 0 })
        expect(await ledger(id)).toEqual({ total: "19.99", available: "19.99" })

        const before = await counts()
        for (const [action, body] of [["cancel", {}], ["mark-paid", {}], ["fail", { reason: "too late" }]] as const) {
          const refused = await errorOf(api.post(`${url}/${action}`, body, admin))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toContain(`Payout ${data.payout.id} is canceled`)
        }
        const { data: paid } = await pay(id)
        const refused = await errorOf(api.post(`/admin/affiliate-payouts/${paid.payout.id}/fail`, { reason: "bounced" }, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("is paid")
        const notRetried = await errorOf(api.post(`/admin/affiliate-payouts/${paid.payout.id}/retry`, {}, admin))
        expect(notRetried.status).toBe(400)
        expect(notRetried.data.message).toContain("is paid; only a failed or canceled payout can be retried")
        // Only the second payout (created, paid) was written.
        expect(await counts()).toMatchObject({ payouts: before.payouts + 1, batches: before.batches })

        await events.settle()
        expect(events.named(AffiliateEvents.PAYOUT_FAILED)).toEqual([])
        expect(events.idsOf(AffiliateEvents.PAYOUT_PAID)).toEqual([paid.payout.id])
      })

      it("marks a processing payout paid by hand, with the bank's reference", async () => {
        const id = await partner("Bank", "bank+async@partners.test")
        await credit(id, 10)
        const { data } = await pay(id, { provider_id: "sandbox" })
        const { data: paid } = await api.post(
          `/admin/affiliate-payouts/${data.payout.id}/mark-paid`,
          { external_reference: "TX-42", note: "sent by wire" },
          admin,
        )
        expect(paid.payout).toMatchObject({ status: "paid", external_reference: "TX-42", note: "sent by wire" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 0, in_flight: 0, paid: 10 })
        await events.settle()
        expect(events.idsOf(AffiliateEvents.PAYOUT_PAID)).toEqual([data.payout.id])
      })
    })

    describe("invalid input", () => {
      it("refuses bad bodies on every new route with a 400 naming the field, writing nothing", async () => {
        const id = await partner("Input", "input+async@partners.test")
        await credit(id, 10)
        const { data } = await pay(id, { provider_id: "sandbox" })
        const url = `/admin/affiliate-payouts/${data.payout.id}`
        const before = await counts()

        const cases: [string, unknown, string][] = [
          [`${url}/fail`, {}, "reason"],
          [`${url}/fail`, { reason: "ok" }, "reason"],
          [`${url}/fail`, { reason: "bounced", extra: 1 }, "extra"],
          [`${url}/mark-paid`, { external_reference: 5 }, "external_reference"],
          [`${url}/mark-paid`, { note: "a\u0000b" }, "note"],
          [`${url}/cancel`, { reason: 7 }, "reason"],
          [`${url}/retry`, { provider_id: "not a provider!" }, "provider_id"],
          ["/admin/affiliate-payout-batches", {}, "currency_code"],
          ["/admin/affiliate-payout-batches", { currency_code: "usd", affiliate_ids: [] }, "affiliate_ids"],
          ["/admin/affiliate-payout-batches", { currency_code: "usd", provider_id: "nope" }, "provider_id"],
          ["/admin/affiliate-payout-batches", { currency_code: "xyz" }, "currency_code"],
          [`/admin/affiliates/${id}/payouts`, { currency_code: "usd", provider_id: "nope" }, "provider_id"],
        ]
        for (const [route, body, field] of cases) {
          const refused = await errorOf(api.post(route, body, admin))
          expect([route, refused.status]).toEqual([route, 400])
          expect(refused.data.message).toContain(field)
        }
        const missing = await errorOf(api.post(`/admin/affiliate-payouts/afpay_nope/fail`, { reason: "bounced" }, admin))
        expect(missing.status).toBe(404)
        expect((await errorOf(api.get(`/admin/affiliate-payout-batches/afpbat_nope`, admin))).status).toBe(404)
        expect((await errorOf(api.get(`/admin/affiliate-payout-batches?limit=abc`, admin))).status).toBe(400)
        expect(await counts()).toEqual(before)
      })
    })

    describe("batches", () => {
      it("pays every partner due in a currency, reports the one that fails, and pays nobody twice", async () => {
        await api.post("/admin/affiliate-settings", { minimum_payout: { usd: 50, eur: 20 } }, admin)
        const ada = await partner("Ada")
        const bob = await partner("Bob")
        const cy = await partner("Cy", "cy+fail@partners.test")
        await credit(ada, 60.01)
        await credit(ada, 25.5, "eur")
        await credit(bob, 49.99) // below the minimum
        await credit(cy, 70)

        const { data: usd } = await api.post(
          "/admin/affiliate-payout-batches",
          { currency_code: "usd", provider_id: "sandbox", note: "December" },
          admin
        )
        const byPartner = Object.fromEntries(usd.payout_batch.payouts.map((p: any) => [p.affiliate_id, p]))
        expect(Object.keys(byPartner).sort()).toEqual([ada, cy].sort())
        expect(byPartner[ada]).toMatchObject({ status: "paid", amount: 60.01, batch_id: usd.payout_batch.id })
        expect(byPartner[cy]).toMatchObject({ status: "failed", amount: 70 })
        expect(usd.payout_batch.failures).toEqual([
          { affiliate_id: cy, payout_id: byPartner[cy].id, message: "Sandbox: the recipient's account refused the payment" },
        ])

        // With an Idempotency-Key, the same request again is answered from the key and pays nothing.
        const keyed = { headers: { ...admin.headers, "Idempotency-Key": "batch-eur-1" } }
        const { data: eur } = await api.post("/admin/affiliate-payout-batches", { currency_code: "eur" }, keyed)
        const replayed = await api.post("/admin/affiliate-payout-batches", { currency_code: "eur" }, keyed)
        expect(replayed.headers["idempotent-replayed"]).toBe("true")
        expect(replayed.data.payout_batch.id).toBe(eur.payout_batch.id)
        expect(eur.payout_batch.payouts).toEqual([expect.objectContaining({ affiliate_id: ada, amount: 25.5, status: "paid", currency_code: "eur" })])

        // Again: Ada and Bob have nothing due; Cy's failed payout gave its amount back, so Cy is tried again (and fails again).
        const { data: rerun } = await api.post("/admin/affiliate-payout-batches", { currency_code: "usd", provider_id: "sandbox" }, admin)
        expect(rerun.payout_batch.payouts.map((p: any) => [p.affiliate_id, p.status])).toEqual([[cy, "failed"]])
        const { rows } = await knex().raw(
          `SELECT affiliate_id, currency_code, SUM(amount)::text AS paid FROM affiliate_payout WHERE status = 'paid' GROUP BY 1, 2 ORDER BY 1, 2`
        )
        expect(rows).toEqual([
          { affiliate_id: ada, currency_code: "eur", paid: "25.5" },
          { affiliate_id: ada, currency_code: "usd", paid: "60.01" },
        ])
        expect(await ledger(bob)).toEqual({ total: "49.99", available: "49.99" })
        expect(await ledger(cy)).toEqual({ total: "70", available: "70" })

        const { data: listed } = await api.get("/admin/affiliate-payout-batches?currency_code=usd", admin)
        expect(listed.payout_batches.map((b: any) => b.id).sort()).toEqual([usd.payout_batch.id, rerun.payout_batch.id].sort())
        const { data: one } = await api.get(`/admin/affiliate-payout-batches/${usd.payout_batch.id}`, admin)
        expect(one.payout_batch.failures).toHaveLength(1)

        const { data: balances } = await api.get("/admin/affiliate-balances?payable=true", admin)
        expect(balances.balances.map((b: any) => [b.affiliate_id, b.currency_code])).toEqual([[cy, "usd"]])

        await events.settle()
        expect(events.named(AffiliateEvents.PAYOUT_CREATED)).toHaveLength(4)
        expect(events.named(AffiliateEvents.PAYOUT_PAID).map((e) => e.data.affiliate_id)).toEqual([ada, ada])
        expect(events.named(AffiliateEvents.PAYOUT_FAILED).map((e) => e.data.affiliate_id)).toEqual([cy, cy])
        expect(await audit(usd.payout_batch.id)).toEqual([
          expect.objectContaining({ action: "payout_batch.created", actor: `user:${admin.userId}`, reason: "December" }),
        ])
      })
    })

    describe("providers that pay later", () => {
      it("marks a processing payout paid on the next poll, once", async () => {
        const id = await partner("Poll", "poll+async@partners.test")
        await credit(id, 33.33)
        const { data } = await pay(id, { provider_id: "sandbox" })
        expect(data.payout.status).toBe("processing")

        await pollAffiliatePayoutsJob(getContainer())
        await pollAffiliatePayoutsJob(getContainer())
        const { data: polled } = await api.get(`/admin/affiliate-payouts/${data.payout.id}`, admin)
        expect(polled.payout).toMatchObject({ status: "paid", status_changed_by: "system:payout_provider:sandbox" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 0, in_flight: 0, paid: 33.33 })
        await events.settle()
        expect(events.idsOf(AffiliateEvents.PAYOUT_PAID)).toEqual([data.payout.id])
      })

      it("marks a processing payout failed or paid by webhook, verified by the provider", async () => {
        const id = await partner("Hook", "hook+async@partners.test")
        await credit(id, 12)
        const { data } = await pay(id, { provider_id: "sandbox" })
        const hook = (body: object, signature = signSandboxWebhook(JSON.stringify(body))) =>
          api.post("/hooks/affiliate-payouts/sandbox", body, { headers: { "x-sandbox-signature": signature } })

        const forged = await errorOf(hook({ payout_id: data.payout.id, status: "paid" }, "0".repeat(64)))
        expect(forged.status).toBe(401)
        expect((await errorOf(api.post("/hooks/affiliate-payouts/nobody", {}))).status).toBe(404)

        const body = { payout_id: data.payout.id, status: "failed", failure_reason: "account closed" }
        await hook(body)
        await hook(body) // redelivered
        const { data: failed } = await api.get(`/admin/affiliate-payouts/${data.payout.id}`, admin)
        expect(failed.payout).toMatchObject({ status: "failed", failure_reason: "account closed" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 12, in_flight: 0 })

        const { data: retried } = await api.post(`/admin/affiliate-payouts/${data.payout.id}/retry`, {}, admin)
        expect(retried.payout.status).toBe("processing")
        await hook({ external_reference: retried.payout.external_reference, status: "paid" })
        expect(await balanceOf(api, admin, id)).toMatchObject({ available: 0, in_flight: 0, paid: 12 })

        await events.settle()
        expect(events.idsOf(AffiliateEvents.PAYOUT_FAILED)).toEqual([data.payout.id])
        expect(events.idsOf(AffiliateEvents.PAYOUT_PAID)).toEqual([retried.payout.id])
      })
    })

    describe("monthly schedule", () => {
      it("pays on the payout day once a month, across the year's end, and not when off", async () => {
        const id = await partner("Monthly")
        await credit(id, 8)
        const run = async (now: string) =>
          (await runAffiliatePayoutScheduleWorkflow(getContainer()).run({ input: { now } })).result

        expect(await run("2026-12-05T07:00:00Z")).toEqual([]) // off by default
        await api.post("/admin/affiliate-settings", { payout_schedule: { day: 5, currencies: ["usd"] } }, admin)

        expect(await run("2026-12-04T23:59:59Z")).toEqual([])
        const [december] = await run("2026-12-05T06:00:00Z")
        expect(december).toBeTruthy()
        await credit(id, 4.5)
        expect(await run("2026-12-05T06:00:01Z")).toEqual([])
        expect(await run("2026-12-28T06:00:00Z")).toEqual([])
        const [january] = await run("2027-01-05T06:00:00Z")
        expect(january).toBeTruthy()
        expect(await run("2027-01-06T06:00:00Z")).toEqual([])

        const batches = await knex()("affiliate_payout_batch").orderBy("schedule_period").select("id", "schedule_period")
        expect(batches.map((b: any) => b.schedule_period)).toEqual(["2026-12", "2027-01"])
        const payouts = await knex()("affiliate_payout").orderBy("created_at").select("amount", "batch_id", "status")
        expect(payouts).toEqual([
          { amount: "8", batch_id: december, status: "paid" },
          { amount: "4.5", batch_id: january, status: "paid" },
        ])
        expect(await audit(december)).toEqual([
          expect.objectContaining({ action: "payout_batch.created", actor: "system:run-affiliate-payout-schedule" }),
        ])
      })
    })
  },
})
