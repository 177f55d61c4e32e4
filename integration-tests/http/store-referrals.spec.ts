import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DEMO_PAYMENT_PROVIDERS, type DemoStore } from "../../dev/demo-store"
import { type AdminAuth } from "../helpers/admin"
import { setUpDemoStore } from "../helpers/demo-suite"
import { afterSubscribers, createAffiliateWithCode, orderLines } from "../helpers/affiliates"
import {
  addShippingMethod,
  completeCart,
  createCart,
  initPaymentSession,
  registerCustomer,
  storeHeaders,
} from "../helpers/checkout"

jest.setTimeout(120_000)

// The storefront side: recording a click, looking a code up, and applying a
// code or a click token to a cart, with every refusal a shopper can hit.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: AdminAuth
    let headers: ReturnType<typeof storeHeaders>

    beforeEach(async () => {
      ;({ store, admin } = await setUpDemoStore(getContainer()))
      headers = storeHeaders(store.publishableKey)
    })

    const newCart = (email = "shopper@example.com", extraHeaders: Record<string, string> = {}) =>
      createCart(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
        email,
        headers: extraHeaders,
      })

    const checkout = async (cartId: string) => {
      await addShippingMethod(api, store.publishableKey, cartId)
      await initPaymentSession(api, store.publishableKey, cartId, DEMO_PAYMENT_PROVIDERS.system)
      return afterSubscribers(getContainer(), "order.placed", () =>
        completeCart(api, store.publishableKey, cartId)
      )
    }

    const click = async (code: string, body: Record<string, unknown> = {}) =>
      (await api.post("/store/referrals/clicks", { code, ...body }, headers)).data.referral_click

    const errorOf = (request: Promise<unknown>): Promise<any> => request.catch((e: any) => e.response)

    describe("POST /store/referrals/clicks", () => {
      it("records the click with hashed IP and user agent and returns a token", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10", name: "Ada" })
        const recorded = await click("ada10", {
          landing_url: "https://shop.example.com/products/shirt?ref=ada10",
          referrer: "https://blog.example.com/post",
          utm_source: "blog",
          utm_medium: "post",
          utm_campaign: "spring",
          sub_id: "sidebar",
        })
        expect(recorded).toEqual({
          id: expect.stringMatching(/^afclk_/),
          token: expect.stringMatching(/^afclk_[^.]+\.\d+\.[\w-]+$/),
          expires_at: expect.any(String),
          counted: true,
          code: "ADA10",
          affiliate: { name: "Ada" },
        })
        const days = (new Date(recorded.expires_at).getTime() - Date.now()) / 86_400_000
        expect(Math.round(days)).toBe(30)

        const [stored] = await getContainer().resolve("affiliate").listClicks({ id: recorded.id })
        expect(stored).toMatchObject({
          affiliate_id: affiliate.id,
          utm_source: "blog",
          utm_campaign: "spring",
          sub_id: "sidebar",
          sales_channel_id: store.salesChannelId,
        })
        expect(stored.ip_hash).toEqual(expect.any(String))
        expect(stored.ip_hash).not.toContain("127.0.0.1")
        expect(stored.user_agent_hash).toEqual(expect.any(String))
      })

      it.each([
        [{}, 400, "Invalid request: Field 'code' is required"],
        [{ code: "NOPE" }, 404, "Referral code NOPE was not found"],
        [{ code: "ADA10", landing_url: 42 }, 400, "Invalid request: Expected type: 'string' for field 'landing_url', got: '42'"],
        [{ code: "ADA10", color: "red" }, 400, "Invalid request: Unrecognized fields: 'color'"],
      ])("refuses %j with %i", async (body, status, message) => {
        await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const response = await errorOf(api.post("/store/referrals/clicks", body, headers))
        expect(response.status).toBe(status)
        expect(response.data.message).toBe(message)
        expect(await getContainer().resolve("affiliate").listClicks({})).toEqual([])
      })

      it("refuses a request without a publishable key", async () => {
        await createAffiliateWithCode(api, admin, { code: "ADA10" })
        const response = await errorOf(api.post("/store/referrals/clicks", { code: "ADA10" }))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/Publishable API key required/)
        expect(await getContainer().resolve("affiliate").listClicks({})).toEqual([])
      })
    })

    describe("GET /store/referrals/codes/:code", () => {
      it("tells whose a code is and whether it can be used", async () => {
        await createAffiliateWithCode(api, admin, { code: "ADA10", name: "Ada" })
        const { data } = await api.get("/store/referrals/codes/ada10", headers)
        expect(data.referral_code).toEqual({
          code: "ADA10",
          valid: true,
          reason: null,
          message: null,
          expires_at: null,
          affiliate: { name: "Ada" },
        })
      })

      it("reports an expired code as not valid, and an unknown one as not found", async () => {
        const { code } = await createAffiliateWithCode(api, admin, { code: "OLD" })
        await api.post(`/admin/affiliate-codes/${code.id}`, { expires_at: "2020-01-01T00:00:00Z" }, admin)
        const { data } = await api.get("/store/referrals/codes/OLD", headers)
        expect(data.referral_code).toMatchObject({ valid: false, reason: "expired_code", message: "Referral code OLD has expired" })

        const response = await errorOf(api.get("/store/referrals/codes/MISSING", headers))
        expect(response.status).toBe(404)
        expect(response.data.message).toBe("Referral code MISSING was not found")
      })
    })

    describe("POST /store/carts/:id/referral", () => {
      it("applies a code, shows who referred the shopper, and credits the order", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "ADA10", name: "Ada" })
        const cart = await newCart()
        const { data } = await api.post(`/store/carts/${cart.id}/referral`, { code: " ada10 " }, headers)
        expect(data.referral).toEqual({
          cart_id: cart.id,
          source: "code",
          code: "ADA10",
          referred_at: expect.any(String),
          affiliate: { name: "Ada" },
        })
        const { data: fetched } = await api.get(`/store/carts/${cart.id}/referral`, headers)
        expect(fetched.referral).toEqual(data.referral)

        const order = await checkout(cart.id)
        const [line] = await orderLines(api, admin, order.id)
        expect(line).toMatchObject({ affiliate_id: affiliate.id, source: "code" })
      })

      it("attributes an order to a click token alone", async () => {
        const { affiliate } = await createAffiliateWithCode(api, admin, { code: "LINKY" })
        const { token } = await click("LINKY")
        const cart = await newCart()
        const { data } = await api.post(`/store/carts/${cart.id}/referral`, { token }, headers)
        expect(data.referral).toMatchObject({ source: "link", code: null })

        const order = await checkout(cart.id)
        const [line] = await orderLines(api, admin, order.id)
        expect(line).toMatchObject({ affiliate_id: affiliate.id, source: "link", amount: 2 })
      })

      it("lets a typed code beat a click, whichever came first", async () => {
        const { affiliate: clicked } = await createAffiliateWithCode(api, admin, { code: "CLICKED" })
        const { affiliate: typed } = await createAffiliateWithCode(api, admin, { code: "TYPED" })
        const { token } = await click("CLICKED")

        // Click first, then the code: the code replaces the click.
        const first = await newCart()
        await api.post(`/store/carts/${first.id}/referral`, { token }, headers)
        await api.post(`/store/carts/${first.id}/referral`, { code: "TYPED" }, headers)
        // Code first, then the click: the click is ignored.
        const second = await newCart()
        await api.post(`/store/carts/${second.id}/referral`, { code: "TYPED" }, headers)
        const { data } = await api.post(`/store/carts/${second.id}/referral`, { token }, headers)
        expect(data.referral).toMatchObject({ source: "code", code: "TYPED" })

        for (const cart of [first, second]) {
          const order = await checkout(cart.id)
          const lines = await orderLines(api, admin, order.id)
          expect(lines).toEqual([expect.objectContaining({ affiliate_id: typed.id, source: "code" })])
          expect(lines.some((line) => line.affiliate_id === clicked.id)).toBe(false)
        }
      })

      it("removes a referral, after which the order earns nothing", async () => {
        await createAffiliateWithCode(api, admin, { code: "GONE" })
        const cart = await newCart()
        await api.post(`/store/carts/${cart.id}/referral`, { code: "GONE" }, headers)
        const { data } = await api.delete(`/store/carts/${cart.id}/referral`, headers)
        expect(data).toEqual({ id: cart.id, object: "referral", deleted: true })

        const response = await errorOf(api.get(`/store/carts/${cart.id}/referral`, headers))
        expect(response.status).toBe(404)
        expect(response.data.message).toBe(`Cart ${cart.id} has no referral`)
        const again = await errorOf(api.delete(`/store/carts/${cart.id}/referral`, headers))
        expect(again.status).toBe(404)
        expect(again.data.message).toBe(`Cart ${cart.id} has no referral to remove`)

        const order = await checkout(cart.id)
        expect(await orderLines(api, admin, order.id)).toEqual([])
      })

      describe("refusals, which leave the cart as it was", () => {
        it.each([
          ["an unknown code", { code: "NOPE" }, 404, "Referral code NOPE was not found"],
          ["both a code and a token", { code: "ADA10", token: "x.1.y" }, 400, "Invalid request: Provide exactly one of code or token"],
          ["neither", {}, 400, "Invalid request: Provide exactly one of code or token"],
          ["a forged token", { token: "afclk_01.9999999999.forged" }, 400, "token: the attribution token is not valid"],
          ["a code of the wrong type", { code: 42 }, 400, "Invalid request: Expected type: 'string' for field 'code', got: '42'"],
        ])("%s", async (_, body, status, message) => {
          await createAffiliateWithCode(api, admin, { code: "ADA10" })
          const cart = await newCart()
          const response = await errorOf(api.post(`/store/carts/${cart.id}/referral`, body, headers))
          expect(response.status).toBe(status)
          expect(response.data.message).toBe(message)
          expect(await getContainer().resolve("affiliate").listAttributions({ cart_id: cart.id })).toEqual([])
        })

        it("an expired, an inactive code and a suspended affiliate's code", async () => {
          const { code: expired } = await createAffiliateWithCode(api, admin, { code: "EXPIRED" })
          await api.post(`/admin/affiliate-codes/${expired.id}`, { expires_at: "2020-01-01T00:00:00Z" }, admin)
          const { code: inactive } = await createAffiliateWithCode(api, admin, { code: "INACTIVE" })
          await api.post(`/admin/affiliate-codes/${inactive.id}`, { is_active: false }, admin)
          const { affiliate: suspended } = await createAffiliateWithCode(api, admin, { code: "SUSPENDED" })
          await api.post(`/admin/affiliates/${suspended.id}/suspend`, {}, admin)

          const cart = await newCart()
          for (const [code, message] of [
            ["EXPIRED", "Referral code EXPIRED has expired"],
            ["INACTIVE", "Referral code INACTIVE is no longer active"],
            ["SUSPENDED", "Referral code SUSPENDED belongs to an affiliate who is not active"],
          ]) {
            const response = await errorOf(api.post(`/store/carts/${cart.id}/referral`, { code }, headers))
            expect(response.status).toBe(400)
            expect(response.data.message).toBe(message)
          }
          expect(await getContainer().resolve("affiliate").listAttributions({ cart_id: cart.id })).toEqual([])
        })

        it("the shopper's own code", async () => {
          await createAffiliateWithCode(api, admin, { code: "MINE", email: "me@example.com" })
          const cart = await newCart("Me@Example.com")
          const response = await errorOf(api.post(`/store/carts/${cart.id}/referral`, { code: "MINE" }, headers))
          expect(response.status).toBe(400)
          expect(response.data.message).toBe(
            "Referral code MINE belongs to the shopper and can't be used on their own cart"
          )
        })

        it("an unknown cart, and another customer's cart", async () => {
          await createAffiliateWithCode(api, admin, { code: "ADA10" })
          const unknown = await errorOf(api.post("/store/carts/cart_missing/referral", { code: "ADA10" }, headers))
          expect(unknown.status).toBe(404)
          expect(unknown.data.message).toBe("Cart with id: cart_missing was not found")

          const owner = await registerShopper("owner@example.com")
          const other = await registerShopper("other@example.com")
          const cart = await newCart("owner@example.com", owner)
          for (const [who, auth] of [["another customer", other], ["a guest", {}]] as const) {
            const response = await errorOf(
              api.post(`/store/carts/${cart.id}/referral`, { code: "ADA10" }, storeHeaders(store.publishableKey, auth))
            )
            expect([who, response.status]).toEqual([who, 403])
            expect(response.data.message).toBe(`Cart ${cart.id} belongs to another customer`)
          }
          // The owner may.
          await api.post(`/store/carts/${cart.id}/referral`, { code: "ADA10" }, storeHeaders(store.publishableKey, owner))
          const removal = await errorOf(api.delete(`/store/carts/${cart.id}/referral`, storeHeaders(store.publishableKey, other)))
          expect(removal.status).toBe(403)
          expect(await getContainer().resolve("affiliate").listAttributions({ cart_id: cart.id })).toHaveLength(1)
        })

        it("a completed cart", async () => {
          await createAffiliateWithCode(api, admin, { code: "LATE" })
          const cart = await newCart()
          await checkout(cart.id)
          const response = await errorOf(api.post(`/store/carts/${cart.id}/referral`, { code: "LATE" }, headers))
          expect(response.status).toBe(400)
          expect(response.data.message).toBe(`Cart ${cart.id} is already completed; its referral can no longer change`)
        })
      })
    })

    async function registerShopper(email: string) {
      const { authorization } = await registerCustomer(api, store.publishableKey, email)
      return { authorization }
    }
  },
})
