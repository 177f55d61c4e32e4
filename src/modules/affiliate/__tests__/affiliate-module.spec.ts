import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AFFILIATE_MODULE } from "../types"
import AffiliateModuleService from "../service"
import * as models from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { hold_days: 30, secret: "module-test-secret-0000" },
  testSuite: ({ service }) => {
    const createAffiliate = async (email = "ada@example.com") =>
      service.createAffiliates({ name: "Ada", email, status: "active" } as any)

    const approvedLine = (affiliate_id: string, amount: number, extra: Record<string, unknown> = {}) => ({
      affiliate_id,
      type: "sale",
      status: "approved",
      amount,
      currency_code: "usd",
      ...extra,
    })

    describe("affiliates and codes", () => {
      it("prefixes ids and refuses a second affiliate with the same email", async () => {
        const affiliate = await createAffiliate()
        expect(affiliate.id).toMatch(/^aff_/)
        await expect(createAffiliate()).rejects.toThrow(/already exists/)
      })

      it("keeps codes case-insensitively unique and resolves aliases to their code", async () => {
        const affiliate = await createAffiliate()
        const code = await service.createReferralCodes({ affiliate_id: affiliate.id, code: "ADA10" } as any)
        expect(code.id).toMatch(/^afcode_/)
        await service.createReferralCodes({ affiliate_id: affiliate.id, code: "ADA", alias_of_id: code.id } as any)
        await expect(
          service.createReferralCodes({ affiliate_id: affiliate.id, code: "ADA10" } as any)
        ).rejects.toThrow(/already exists/)

        const viaAlias = await service.resolveCode("ada", { fresh: true })
        expect(viaAlias?.code.id).toBe(code.id)
        expect(viaAlias?.typed).toBe("ADA")
        expect(viaAlias?.affiliate.id).toBe(affiliate.id)
        expect(await service.resolveCode("nope", { fresh: true })).toBeNull()
      })
    })

    describe("the ledger", () => {
      it("allows one sale line per order, affiliate and level", async () => {
        const affiliate = await createAffiliate()
        const sale = { affiliate_id: affiliate.id, type: "sale", amount: 5, currency_code: "usd", order_id: "order_1", level: 0 }
        await service.createCommissionLines(sale as any)
        await expect(service.createCommissionLines(sale as any)).rejects.toThrow(/already exists/)
        // Another level of the same order is another line.
        await service.createCommissionLines({ ...sale, level: 1 } as any)
        expect(await service.listCommissionLines({ order_id: "order_1" })).toHaveLength(2)
      })

      it("derives balances per currency from the lines, exactly", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines([
          approvedLine(affiliate.id, 0.1),
          approvedLine(affiliate.id, 0.2),
          approvedLine(affiliate.id, -0.05, { type: "clawback" }),
          approvedLine(affiliate.id, 7, { currency_code: "eur" }),
          { ...approvedLine(affiliate.id, 3), status: "pending" },
        ] as any)
        const balances = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balances).toEqual([
          { affiliate_id: affiliate.id, currency_code: "eur", available: "7", pending: "0", in_flight: "0", paid: "0" },
          { affiliate_id: affiliate.id, currency_code: "usd", available: "0.25", pending: "3", in_flight: "0", paid: "0" },
        ])
      })

      it("reverses an order's lines once per reference, clawing back what was paid", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines([
          approvedLine(affiliate.id, 10, { order_id: "order_1", level: 0 }),
          { ...approvedLine(affiliate.id, 4, { order_id: "order_1", level: 1 }), status: "paid" },
        ] as any)
        const first = await service.reverseOrderLines("order_1", { reference: "order_canceled" })
        const again = await service.reverseOrderLines("order_1", { reference: "order_canceled" })
        expect(first).toHaveLength(2)
        expect(again).toHaveLength(0)

        const reversals = await service.listCommissionLines({ id: first.map((line) => line.id) }, { order: { amount: "ASC" } })
        expect(reversals.map((line) => [line.type, line.status, line.amount])).toEqual([
          ["reversal", "approved", -10],
          ["clawback", "approved", -4],
        ])
        // The approved line and its reversal cancel out; the clawback lowers the balance.
        const [balance] = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balance.available).toBe("-4")
      })
    })

    describe("partial reversals", () => {
      it("takes back each refund's share, never more than what is left", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines(approvedLine(affiliate.id, 10, { order_id: "order_r", level: 0 }) as any)
        const take = async (reference: string, fraction?: number) => {
          const written = await service.reverseOrderLines("order_r", { reference, fraction })
          const created = await service.listCommissionLines({ id: written.map((line) => line.id) })
          return created.map((line) => line.amount)
        }
        expect(await take("refund:1", 0.25)).toEqual([-2.5])
        expect(await take("refund:1", 0.25)).toEqual([]) // same refund again
        expect(await take("refund:2", 0.5)).toEqual([-5])
        expect(await take("order_canceled")).toEqual([-2.5]) // what is left
        expect(await take("refund:3", 0.5)).toEqual([]) // nothing left
        const [balance] = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balance.available).toBe("0")
      })

      it("rounds a share to the currency once, e.g. to whole yen", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines(
          approvedLine(affiliate.id, 999, { order_id: "order_jpy", currency_code: "jpy" }) as any
        )
        const [written] = await service.reverseOrderLines("order_jpy", { reference: "refund:1", fraction: 1 / 3 })
        const [line] = await service.listCommissionLines({ id: written.id })
        expect(line.amount).toBe(-333)
      })
    })

    describe("manual status changes", () => {
      it("moves a reversal with the line it reverses and restores both from the snapshot", async () => {
        const affiliate = await createAffiliate()
        const [sale] = await service.createCommissionLines([
          { ...approvedLine(affiliate.id, 8, { order_id: "order_s" }), status: "pending" },
        ] as any[])
        await service.reverseOrderLines("order_s", { reference: "refund:1", fraction: 0.5 })
        const { previous: before } = await service.changeLinesStatus([sale.id], "hold", {
          reason: "Review",
          actor: { actor_type: "user", actor_id: "user_1" },
        })
        expect(before.map((line) => line.status)).toEqual(["pending", "pending"])
        const held = await service.listCommissionLines({ order_id: "order_s" })
        expect(held.map((line) => line.status)).toEqual(["on_hold", "on_hold"])

        await service.restoreLinesStatus(before)
        const restored = await service.listCommissionLines({ order_id: "order_s" })
        expect(restored.map((line) => [line.status, line.status_reason])).toEqual([
          ["pending", null],
          ["pending", null],
        ])
      })
    })

    describe("payouts", () => {
      it("pays the balance by default and marks exactly the lines it settles", async () => {
        const affiliate = await createAffiliate()
        const lines = await service.createCommissionLines([
          approvedLine(affiliate.id, 12.5),
          approvedLine(affiliate.id, 7.5),
          approvedLine(affiliate.id, 100, { currency_code: "eur" }),
        ] as any)
        const payout = await service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd" })
        expect(payout.id).toMatch(/^afpay_/)
        expect(payout.amount).toBe(20)
        expect(payout.lines.map((line) => line.id).sort()).toEqual([lines[0].id, lines[1].id].sort())
        // Created pending: in flight until its provider (manual: at once) pays it.
        expect(payout.status).toBe("pending")
        let balances = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balances.find((b) => b.currency_code === "usd")).toMatchObject({ available: "0", in_flight: "20", paid: "0" })
        const sent = await service.sendPayout(payout.id, { actor_type: "user", actor_id: "user_1" })
        expect(sent).toMatchObject({ status: "paid", changed: true })
        balances = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balances.find((b) => b.currency_code === "usd")).toMatchObject({ available: "0", in_flight: "0", paid: "20" })
        expect(balances.find((b) => b.currency_code === "eur")).toMatchObject({ available: "100" })
      })

      it("carries what whole lines don't cover, so payout and ledger agree", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines([approvedLine(affiliate.id, 30), approvedLine(affiliate.id, 30)] as any)
        const payout = await service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd", amount: 45 })
        const paidSum = payout.lines.reduce((sum, line) => sum + Number(line.amount), 0)
        expect(paidSum).toBe(45)
        const [balance] = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balance).toMatchObject({ available: "15", in_flight: "45", paid: "0" })
      })

      it("refuses more than the balance unless allowed, and nothing at all when there is none", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines([approvedLine(affiliate.id, 10)] as any)
        await expect(
          service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd", amount: 11 })
        ).rejects.toThrow("amount 11 exceeds the available balance of 10 USD; set allow_exceeding_balance to pay more")
        expect(await service.listPayouts({})).toHaveLength(0)

        const advance = await service.createPayout({
          affiliate_id: affiliate.id,
          currency_code: "usd",
          amount: 11,
          allow_exceeding_balance: true,
        })
        expect(advance.amount).toBe(11)
        const [balance] = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balance.available).toBe("-1")

        await expect(
          service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd" })
        ).rejects.toThrow(`Affiliate ${affiliate.id} has no available balance in USD to pay`)
      })

      it("never pays a line twice when two payouts race", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines([approvedLine(affiliate.id, 10), approvedLine(affiliate.id, 5)] as any)
        const results = await Promise.allSettled([
          service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd" }),
          service.createPayout({ affiliate_id: affiliate.id, currency_code: "usd" }),
        ])
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        expect(results.filter((r) => r.status === "rejected")).toHaveLength(1)
        const payouts = await service.listPayouts({}, { relations: ["lines"] })
        expect(payouts).toHaveLength(1)
        expect(payouts[0].lines).toHaveLength(2)
        const [balance] = await service.listBalances({ affiliate_id: affiliate.id })
        expect(balance).toMatchObject({ available: "0", in_flight: "15", paid: "0" })
      })
    })

    describe("the lifecycle", () => {
      it("starts the hold when the order is paid and approves once it has passed", async () => {
        const affiliate = await createAffiliate()
        await service.createCommissionLines({
          affiliate_id: affiliate.id, type: "sale", amount: 8, currency_code: "usd", order_id: "order_9",
        } as any)
        const paidAt = new Date("2026-01-01T00:00:00Z")
        expect(await service.markOrderPaid("order_9", paidAt)).toHaveLength(1)
        // Marking again keeps the first date.
        expect(await service.markOrderPaid("order_9", new Date())).toHaveLength(0)

        expect(await service.approveDueLines(new Date("2026-01-30T23:59:59Z"))).toHaveLength(0)
        expect(await service.approveDueLines(new Date("2026-01-31T00:00:00Z"))).toHaveLength(1)
        const [line] = await service.listCommissionLines({ order_id: "order_9" })
        expect(line.status).toBe("approved")
      })
    })
  },
})
