import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { idempotencyRequestHash } from "../../src/api/utils/idempotency"
import { createAdminUser, type AdminAuth } from "../helpers/admin"
import { balanceOf, setStoreCurrencies } from "../helpers/affiliates"

jest.setTimeout(120_000)

// Defect 10: a money-moving admin request whose answer is lost can be sent
// again with the same Idempotency-Key and moves nothing the second time.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let affiliateId: string

    const withKey = (key: string) => ({ headers: { ...admin.headers, "idempotency-key": key } })
    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)
    const service = () => getContainer().resolve("affiliate")
    const payoutsOf = async () => service().listPayouts({ affiliate_id: affiliateId })

    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      // Money routes take only a currency the store sells in.
      await setStoreCurrencies(getContainer(), ["usd"])
      const { data } = await api.post(
        "/admin/affiliates",
        { name: "Ada", email: "ada@example.com", status: "active" },
        admin
      )
      affiliateId = data.affiliate.id
      await service().createCommissionLines([
        { affiliate_id: affiliateId, type: "sale", status: "approved", currency_code: "usd", amount: 100, order_id: "order_1" },
      ] as any[])
    })

    describe("POST /admin/affiliates/:id/payouts", () => {
      it("answers a retry with the first payout and pays once", async () => {
        const body = { currency_code: "usd", amount: 40 }
        const first = await api.post(`/admin/affiliates/${affiliateId}/payouts`, body, withKey("payout-1"))
        const retry = await api.post(`/admin/affiliates/${affiliateId}/payouts`, body, withKey("payout-1"))

        expect(first.status).toEqual(201)
        expect(retry.status).toEqual(201)
        expect(retry.headers["idempotent-replayed"]).toEqual("true")
        expect(retry.data).toEqual(first.data)
        expect(await payoutsOf()).toHaveLength(1)
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 60 })
      })

      it("refuses the same key with another body, naming the header", async () => {
        await api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd", amount: 40 }, withKey("k"))
        const response = await errorOf(
          api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd", amount: 50 }, withKey("k"))
        )
        expect(response.status).toEqual(422)
        expect(response.data.message).toContain('Idempotency-Key "k" was already used for a different request')
        expect(await payoutsOf()).toHaveLength(1)
      })

      it("runs one of two concurrent requests with one key; the other waits for its answer or is refused", async () => {
        const body = { currency_code: "usd", amount: 10 }
        const responses = await Promise.all(
          [1, 2, 3, 4].map(() =>
            errorOf(api.post(`/admin/affiliates/${affiliateId}/payouts`, body, withKey("race")))
          )
        )
        const statuses = responses.map((r) => r.status).sort()
        for (const status of statuses) {
          expect([201, 409]).toContain(status)
        }
        const created = responses.filter((r) => r.status === 201)
        expect(created.length).toBeGreaterThanOrEqual(1)
        expect(new Set(created.map((r) => r.data.payout.id)).size).toEqual(1)
        for (const refused of responses.filter((r) => r.status === 409)) {
          expect(refused.data.message).toEqual('A request with Idempotency-Key "race" is still in progress; retry later')
        }
        expect(await payoutsOf()).toHaveLength(1)
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 90 })
      })

      it("frees the key of a refused request, so the corrected request can use it", async () => {
        const refused = await errorOf(
          api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd", amount: 500 }, withKey("fix-me"))
        )
        expect(refused.status).toEqual(400)
        expect(await payoutsOf()).toHaveLength(0)
        const ok = await api.post(
          `/admin/affiliates/${affiliateId}/payouts`,
          { currency_code: "usd", amount: 100 },
          withKey("fix-me")
        )
        expect(ok.status).toEqual(201)
      })

      it("refuses a key that is too long or not printable ASCII", async () => {
        // Node sends a header's characters as latin1 bytes; "caf\u00e9" arrives as é, not ASCII.
        for (const key of ["x".repeat(256), "caf\u00e9"]) {
          const response = await errorOf(
            api.post(`/admin/affiliates/${affiliateId}/payouts`, { currency_code: "usd" }, withKey(key))
          )
          expect(response.status).toEqual(400)
          expect(response.data.message).toEqual("Idempotency-Key must be 1 to 255 printable ASCII characters")
        }
        expect(await payoutsOf()).toHaveLength(0)
      })

      it("keeps keys per admin: another admin's key of the same name is theirs", async () => {
        const other = await createAdminUser(getContainer(), { email: "other@medusa-test.com" })
        const body = { currency_code: "usd", amount: 5 }
        await api.post(`/admin/affiliates/${affiliateId}/payouts`, body, withKey("shared"))
        const theirs = await api.post(`/admin/affiliates/${affiliateId}/payouts`, body, {
          headers: { ...other.headers, "idempotency-key": "shared" },
        })
        expect(theirs.headers["idempotent-replayed"]).toBeUndefined()
        expect(await payoutsOf()).toHaveLength(2)
      })

      describe("after an attempt that died (the payout is fenced: its key records it in its own transaction)", () => {
        const body = { currency_code: "usd", amount: 5 }
        const url = () => `/admin/affiliates/${affiliateId}/payouts`
        const deadClaim = async (token: string) => {
          await service().claimIdempotencyKey({
            actor_id: admin.userId,
            key: "crashed",
            request_hash: idempotencyRequestHash("POST", url(), body),
            claim_token: token,
          })
          return { actor_id: admin.userId, key: "crashed", claim_token: token }
        }
        const age = (seconds: number) =>
          getContainer()
            .resolve(ContainerRegistrationKeys.PG_CONNECTION)
            .raw(`UPDATE affiliate_idempotency_key SET created_at = now() - make_interval(secs => ?)`, [seconds])

        it("answers 409 while the attempt may still be running", async () => {
          await deadClaim("dead")
          const response = await errorOf(api.post(url(), body, withKey("crashed")))
          expect(response.status).toEqual(409)
          expect(response.headers["retry-after"]).toEqual("1")
          expect(response.data.message).toEqual('A request with Idempotency-Key "crashed" is still in progress; retry later')
          expect(await payoutsOf()).toHaveLength(0)
        })

        it("pays once when the attempt died before paying (after 30 s)", async () => {
          await deadClaim("dead")
          await age(40)
          const response = await api.post(url(), body, withKey("crashed"))
          expect(response.status).toEqual(201)
          expect(await payoutsOf()).toHaveLength(1)
          const again = await api.post(url(), body, withKey("crashed"))
          expect(again.data).toEqual(response.data)
          expect(await payoutsOf()).toHaveLength(1)
        })

        it("answers with the payout when the attempt died after paying, before answering", async () => {
          const fence = await deadClaim("dead")
          const paid = await service().createPayout({
            affiliate_id: affiliateId,
            currency_code: "usd",
            amount: 5,
            idempotency: fence,
          })
          const response = await api.post(url(), body, withKey("crashed"))
          expect(response.status).toEqual(201)
          expect(response.headers["idempotent-replayed"]).toEqual("true")
          expect(response.data.payout).toMatchObject({ id: paid.id, amount: 5 })
          expect(await payoutsOf()).toHaveLength(1)
        })

        it("fences out a slow attempt whose key a retry took over", async () => {
          const slow = await deadClaim("slow")
          await age(40)
          await api.post(url(), body, withKey("crashed"))
          await expect(
            service().createPayout({ affiliate_id: affiliateId, currency_code: "usd", amount: 5, idempotency: slow })
          ).rejects.toThrow('The request with Idempotency-Key "crashed" was taken over by a retry; this attempt changed nothing')
          expect(await payoutsOf()).toHaveLength(1)
          expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 95 })
        })

        it("forgets keys after 24 hours", async () => {
          await deadClaim("dead")
          // A second past the TTL: the key's created_at is the database's clock
          // (microseconds), the cut-off JavaScript's (milliseconds).
          expect(await service().purgeIdempotencyKeys(new Date(Date.now() + 24 * 3600_000 + 1000))).toEqual(1)
          const after = await api.post(url(), body, withKey("crashed"))
          expect(after.status).toEqual(201)
        })
      })

      it("takes over a key older than 24 hours as a new request", async () => {
        const url = `/admin/affiliates/${affiliateId}/payouts`
        await api.post(url, { currency_code: "usd", amount: 5 }, withKey("old"))
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`UPDATE affiliate_idempotency_key SET created_at = now() - interval '25 hours'`)
        const again = await api.post(url, { currency_code: "usd", amount: 6 }, withKey("old"))
        expect(again.status).toEqual(201)
        expect(again.headers["idempotent-replayed"]).toBeUndefined()
        expect(await payoutsOf()).toHaveLength(2)
      })
    })

    describe("the other money-moving routes", () => {
      it("records an adjustment once per key", async () => {
        const body = { type: "bonus", amount: 7, currency_code: "usd", reason: "Launch bonus", status: "approved" }
        const first = await api.post(`/admin/affiliates/${affiliateId}/adjustments`, body, withKey("bonus-1"))
        const retry = await api.post(`/admin/affiliates/${affiliateId}/adjustments`, body, withKey("bonus-1"))
        expect(retry.data).toEqual(first.data)
        const bonuses = await service().listCommissionLines({ affiliate_id: affiliateId, type: "bonus" })
        expect(bonuses).toHaveLength(1)
        expect(await balanceOf(api, admin, affiliateId)).toMatchObject({ available: 107 })
      })

      it("replays a status change with its key, and refuses the key on another route", async () => {
        const [line] = await service().createCommissionLines([
          { affiliate_id: affiliateId, type: "sale", status: "pending", currency_code: "usd", amount: 3, order_id: "order_2" },
        ] as any[])
        const body = { ids: [line.id], reason: "Trusted" }
        const first = await api.post("/admin/affiliate-commissions/approve", body, withKey("status-1"))
        const retry = await api.post("/admin/affiliate-commissions/approve", body, withKey("status-1"))
        expect(retry.headers["idempotent-replayed"]).toEqual("true")
        expect(retry.data).toEqual(first.data)

        const elsewhere = await errorOf(api.post("/admin/affiliate-commissions/hold", body, withKey("status-1")))
        expect(elsewhere.status).toEqual(422)
        const [after] = await service().listCommissionLines({ id: [line.id] })
        expect(after.status).toEqual("approved")
      })

      it("answers with the adjustment an attempt wrote before it died", async () => {
        const body = { type: "bonus", amount: 7, currency_code: "usd", reason: "Launch bonus" }
        const url = `/admin/affiliates/${affiliateId}/adjustments`
        const fence = { actor_id: admin.userId, key: "bonus-crash", claim_token: "dead" }
        await service().claimIdempotencyKey({ ...fence, request_hash: idempotencyRequestHash("POST", url, body) })
        const [written] = await service().createManualLines({
          lines: [{ affiliate_id: affiliateId, type: "bonus", amount: 7, currency_code: "usd", reason: "Launch bonus", status: "approved" }],
          actor: { actor_type: "user", actor_id: fence.actor_id },
          idempotency: fence,
        })
        const retry = await api.post(url, body, withKey("bonus-crash"))
        expect(retry.status).toEqual(201)
        expect(retry.data.commission_line).toMatchObject({ id: written.id, type: "bonus", amount: 7 })
        expect(await service().listCommissionLines({ affiliate_id: affiliateId, type: "bonus" })).toHaveLength(1)
      })

      it("runs as before without the header", async () => {
        const body = { type: "adjustment", amount: -2, currency_code: "usd", reason: "Correction" }
        await api.post(`/admin/affiliates/${affiliateId}/adjustments`, body, admin)
        await api.post(`/admin/affiliates/${affiliateId}/adjustments`, body, admin)
        const lines = await service().listCommissionLines({ affiliate_id: affiliateId, type: "adjustment" })
        expect(lines).toHaveLength(2)
      })
    })
  },
})
