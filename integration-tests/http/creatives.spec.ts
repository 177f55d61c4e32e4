import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../../dev/demo-store"
import type { AdminAuth } from "../helpers/admin"
import { createAffiliateWithCode, orderLines } from "../helpers/affiliates"
import { setUpDemoStore } from "../helpers/demo-suite"
import { placeOrder, storeHeaders } from "../helpers/checkout"
import { DEMO_PAYMENT_PROVIDERS, type DemoProduct } from "../../dev/demo-store"

jest.setTimeout(180_000)

// A 1×1 transparent PNG: the smallest banner the File Module will store.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64"
)

// Creatives (G8) and product participation (D8): the admin routes, their
// refusals, the audit entries they leave, and a product out of the program
// earning nothing on a referred order.
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
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const tshirt = () => store.products[0]
    const mug = () => store.products[2]
    const audit = async (targetId: string) =>
      (await knex()("affiliate_audit_entry").where({ target_id: targetId }).orderBy([{ column: "created_at" }, { column: "id" }])).map(
        (entry: any) => entry.action
      )

    /**
     * A checkout referred by `code`, resolved once its accrual has run (its
     * attribution is written). Polled rather than awaited on `order.placed`
     * with the test utils' fixed 15 s, which a busy CI machine can miss.
     */
    const referredOrder = async (code: string, items: [DemoProduct, number][]) => {
      const { order } = await placeOrder(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        countryCode: "us",
        items: items.map(([product, quantity]) => ({ variant_id: product.variantIds[0], quantity })),
        providerId: DEMO_PAYMENT_PROVIDERS.autoCapture,
        beforeComplete: async (cart) => {
          await api.post(`/store/carts/${cart.id}/referral`, { code }, storeHeaders(store.publishableKey))
        },
      })
      for (let tries = 0; tries < 240; tries++) {
        const { data } = await api.get(`/admin/orders/${order.id}/affiliate-attribution`, admin)
        if (data.attribution && (data.commission_lines.length || data.attribution.rejection_reason)) return order
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      throw new Error(`order ${order.id} was not accrued within 2 minutes`)
    }

    /** Uploads the PNG through Medusa's own `POST /admin/uploads`, as the admin page does. */
    const uploadBanner = async () => {
      const form = new FormData()
      form.append("files", new Blob([PNG], { type: "image/png" }), "banner.png")
      const { data } = await api.post("/admin/uploads", form, admin)
      return data.files[0] as { id: string; url: string }
    }
    const create = async (body: Record<string, unknown>) => (await api.post("/admin/affiliate-creatives", body, admin)).data.creative

    describe("/admin/affiliate-creatives", () => {
      it("creates a banner from an uploaded image, a text link and a snippet; lists, filters, changes and deletes them", async () => {
        const file = await uploadBanner()
        const banner = await create({
          type: "banner",
          name: "Summer banner",
          product_id: tshirt().id,
          image_file_id: file.id,
          image_url: file.url,
          landing_url: "/products/medusa-t-shirt",
        })
        expect(banner).toMatchObject({
          id: expect.stringMatching(/^afcre_/),
          type: "banner",
          product_id: tshirt().id,
          image_file_id: file.id,
          image_url: file.url,
          is_active: true,
        })
        const link = await create({ type: "text_link", name: "Spring link", link_text: "Shop the spring sale" })
        const snippet = await create({ type: "html", name: "Widget", html: '<a href="/">Shop <b>now</b></a>', is_active: false })
        expect(snippet.html).toBe('<a href="/">Shop <b>now</b></a>')

        const list = async (query: string) =>
          (await api.get(`/admin/affiliate-creatives?${query}`, admin)).data as { creatives: any[]; count: number }
        expect((await list("order=name")).creatives.map((c) => c.name)).toEqual(["Spring link", "Summer banner", "Widget"])
        expect((await list("type=banner")).creatives.map((c) => c.id)).toEqual([banner.id])
        expect((await list(`product_id=${tshirt().id}`)).creatives.map((c) => c.id)).toEqual([banner.id])
        expect((await list("is_active=false")).creatives.map((c) => c.id)).toEqual([snippet.id])
        expect((await list("q=spring")).creatives.map((c) => c.id)).toEqual([link.id])
        const page = await list("order=name&limit=1&offset=1")
        expect([page.count, page.creatives.map((c) => c.name)]).toEqual([3, ["Summer banner"]])

        const { data: updated } = await api.post(`/admin/affiliate-creatives/${link.id}`, { is_active: false, link_text: "Shop now" }, admin)
        expect(updated.creative).toMatchObject({ is_active: false, link_text: "Shop now" })
        expect((await api.get(`/admin/affiliate-creatives/${link.id}`, admin)).data.creative.link_text).toBe("Shop now")

        const { data: deleted } = await api.delete(`/admin/affiliate-creatives/${banner.id}`, admin)
        expect(deleted).toEqual({ id: banner.id, object: "affiliate_creative", deleted: true })
        expect((await errorOf(api.get(`/admin/affiliate-creatives/${banner.id}`, admin))).status).toBe(404)
        expect(await audit(banner.id)).toEqual(["creative.created", "creative.deleted"])
        expect(await audit(link.id)).toEqual(["creative.created", "creative.updated"])
      })

      it.each([
        [{ type: "banner", name: "No image" }, "image_file_id is required for a banner (upload the image first)"],
        [{ type: "text_link", name: "No text" }, "link_text is required for a text link"],
        [{ type: "html", name: "No html" }, "html is required for an HTML snippet"],
        [{ type: "video", name: "Nope" }, "Expected: 'banner, text_link, html' for field 'type', but got: 'video'"],
        [{ type: "html", name: "Huge", html: "x".repeat(10_001) }, "Value for field 'html' too big, expected at most: '10000'"],
        [{ type: "text_link", name: "", link_text: "x" }, "Value for field 'name' too small, expected at least: '1'"],
        [{ type: "text_link", name: "Off", link_text: "x", landing_url: "javascript:alert(1)" }, "landing_url: a path (/products/x) or an http(s) URL"],
        [{ type: "text_link", name: "Extra", link_text: "x", colour: "red" }, "Unrecognized fields: 'colour'"],
      ])("refuses %# with a 400 naming the field", async (body, message) => {
        const response = await errorOf(api.post("/admin/affiliate-creatives", body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(message)
        expect(await getContainer().resolve("affiliate").listAffiliateCreatives({})).toEqual([])
      })

      it("refuses an unknown product, a landing page off the store, an unknown id and an update that breaks a banner", async () => {
        const unknownProduct = await errorOf(
          api.post("/admin/affiliate-creatives", { type: "text_link", name: "X", link_text: "x", product_id: "prod_missing" }, admin)
        )
        expect([unknownProduct.status, unknownProduct.data.message]).toEqual([404, "product_id: product with id: prod_missing was not found"])
        const offStore = await errorOf(
          api.post("/admin/affiliate-creatives", { type: "text_link", name: "X", link_text: "x", landing_url: "https://evil.test/x" }, admin)
        )
        expect(offStore.status).toBe(400)
        expect(offStore.data.message).toMatch(/^landing_url: must be a path or a URL on the store's domain/)

        // One at a time: a request made before its `catch` is attached would be an unhandled rejection.
        for (const request of [
          () => api.get("/admin/affiliate-creatives/afcre_missing", admin),
          () => api.post("/admin/affiliate-creatives/afcre_missing", { name: "X" }, admin),
          () => api.delete("/admin/affiliate-creatives/afcre_missing", admin),
        ]) {
          const response = await errorOf(request())
          expect([response.status, response.data.message]).toEqual([404, "AffiliateCreative id not found: afcre_missing"])
        }
        const malformed = await errorOf(api.get("/admin/affiliate-creatives/%00", admin))
        expect(malformed.status).toBe(400)

        const file = await uploadBanner()
        const banner = await create({ type: "banner", name: "B", image_file_id: file.id, image_url: file.url })
        const broken = await errorOf(api.post(`/admin/affiliate-creatives/${banner.id}`, { image_url: null }, admin))
        expect([broken.status, broken.data.message]).toEqual([400, "image_url is required for a banner"])
        const retyped = await errorOf(api.post(`/admin/affiliate-creatives/${banner.id}`, { type: "html" }, admin))
        expect(retyped.status).toBe(400)
        const badFilter = await errorOf(api.get("/admin/affiliate-creatives?is_active=maybe", admin))
        expect(badFilter.status).toBe(400)
      })

      it("lists for the portal only active creatives, general or of products not hidden from partners", async () => {
        const general = await create({ type: "text_link", name: "General", link_text: "Shop" })
        await create({ type: "text_link", name: "Inactive", link_text: "Shop", is_active: false })
        const shirt = await create({ type: "text_link", name: "Shirt", link_text: "Shirt", product_id: tshirt().id })
        await create({ type: "text_link", name: "Mug", link_text: "Mug", product_id: mug().id })
        await api.post(`/admin/products/${mug().id}/affiliate-program`, { visible_in_portal: false }, admin)

        const service = getContainer().resolve("affiliate")
        expect((await service.listPortalCreatives()).map((c: any) => c.name).sort()).toEqual(["General", "Shirt"])
        expect((await service.listPortalCreatives({ product_id: tshirt().id })).map((c: any) => c.id).sort()).toEqual(
          [general.id, shirt.id].sort()
        )
      })
    })

    describe("/admin/products/:id/affiliate-program", () => {
      const program = async (productId: string) => (await api.get(`/admin/products/${productId}/affiliate-program`, admin)).data

      it("reads a product never configured as in the program, visible, landing on its own page", async () => {
        expect(await program(tshirt().id)).toMatchObject({
          product_id: tshirt().id,
          in_program: true,
          visible_in_portal: true,
          landing_url: null,
          rules: [],
          creatives: [],
        })
      })

      it("takes a product out of the program through its rules (it earns nothing), and back in with its rate", async () => {
        const { data: rate } = await api.post("/admin/affiliate-rules", { scope: "product", product_id: tshirt().id, rate: 20 }, admin)
        await create({ type: "text_link", name: "Shirt link", link_text: "Shirt", product_id: tshirt().id })

        const { data: out } = await api.post(
          `/admin/products/${tshirt().id}/affiliate-program`,
          { in_program: false, visible_in_portal: false, landing_url: "/collections/summer" },
          admin
        )
        expect(out).toMatchObject({ in_program: false, visible_in_portal: false, landing_url: "/collections/summer" })
        // Level 0 keeps its rule, excluded; the other levels (max_levels 3) get exclusion rules.
        expect(out.rules.map((r: any) => [r.level, r.excluded, r.rate])).toEqual([
          [0, true, 20],
          [1, true, null],
          [2, true, null],
          [3, true, null],
        ])
        expect(out.creatives.map((c: any) => c.name)).toEqual(["Shirt link"])
        expect(await program(tshirt().id)).toMatchObject({ in_program: false, visible_in_portal: false, landing_url: "/collections/summer" })
        expect(await audit(tshirt().id)).toEqual(["product_participation.changed"])

        await createAffiliateWithCode(api, admin, { code: "NOSHIRT" })
        const placed = await referredOrder("NOSHIRT", [[tshirt(), 2]])
        expect(await orderLines(api, admin, placed.id)).toEqual([])
        // Another product still earns the program's rate.
        const mugOrder = await referredOrder("NOSHIRT", [[mug(), 1]])
        expect((await orderLines(api, admin, mugOrder.id)).length).toBe(1)

        // Saving the same again changes nothing.
        await api.post(`/admin/products/${tshirt().id}/affiliate-program`, { in_program: false }, admin)
        expect((await program(tshirt().id)).rules).toHaveLength(4)

        const { data: back } = await api.post(`/admin/products/${tshirt().id}/affiliate-program`, { in_program: true, landing_url: null }, admin)
        expect(back).toMatchObject({ in_program: true, visible_in_portal: false, landing_url: null })
        expect(back.rules.map((r: any) => [r.id, r.excluded, r.rate])).toEqual([[rate.commission_rule.id, false, 20]])
        const earning = await referredOrder("NOSHIRT", [[tshirt(), 1]])
        expect((await orderLines(api, admin, earning.id))[0]).toMatchObject({ amount: 4, rate: 20 })
      })

      it("answers 404 for an unknown product and 400 for a bad body or id", async () => {
        for (const request of [
          () => api.get("/admin/products/prod_missing/affiliate-program", admin),
          () => api.post("/admin/products/prod_missing/affiliate-program", { in_program: false }, admin),
        ]) {
          const response = await errorOf(request())
          expect([response.status, response.data.message]).toEqual([404, "Product with id: prod_missing was not found"])
        }
        expect(await getContainer().resolve("affiliate").listCommissionRules({})).toEqual([])

        const offStore = await errorOf(
          api.post(`/admin/products/${tshirt().id}/affiliate-program`, { landing_url: "https://evil.test/" }, admin)
        )
        expect(offStore.status).toBe(400)
        expect(offStore.data.message).toMatch(/^landing_url: must be a path or a URL on the store's domain/)
        const notBoolean = await errorOf(api.post(`/admin/products/${tshirt().id}/affiliate-program`, { in_program: "no" }, admin))
        expect(notBoolean.status).toBe(400)
        const extra = await errorOf(api.post(`/admin/products/${tshirt().id}/affiliate-program`, { rate: 5 }, admin))
        expect(extra.status).toBe(400)
        const badId = await errorOf(api.get("/admin/products/%F0%9F%98%80/affiliate-program", admin))
        expect(badId.status).toBe(400)
        expect(await program(tshirt().id)).toMatchObject({ in_program: true, visible_in_portal: true, landing_url: null })
      })
    })
  },
})
