// Creatives (G8) and the product widget (D8): a banner with an uploaded image
// and a text link created in the UI and listed; then, on Medusa's own product
// page, the T-shirt taken out of the program with a landing page of its own,
// both still there after a reload. The product is put back at the end, so
// the scenarios after this one see the demo store as it was.

import zlib from "node:zlib"

/** A 240×80 PNG in two stripes, made here: the banner the test uploads through the File Module. */
function bannerPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc32 = (buffer) => {
    let c = 0xffffffff
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const width = 240
  const height = 80
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) row.set(y < height / 2 ? [124, 58, 237] : [250, 204, 21], 1 + x * 3)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

export default async function creativesAndProduct({ page, api, token, BASE_URL, check, shot }) {
  const stamp = Date.now().toString(36)
  const bannerName = `Summer banner ${stamp}`
  const linkName = `Spring link ${stamp}`

  // The local file provider answers with URLs on its configured backend
  // (http://localhost:9000/static by default); a dev server on another port
  // serves the same files itself, so the images are fetched from there.
  const filesOrigin = "http://localhost:9000"
  if (new URL(BASE_URL).origin !== filesOrigin) {
    await page.route(`${filesOrigin}/static/**`, (route) =>
      route.continue({ url: route.request().url().replace(filesOrigin, new URL(BASE_URL).origin) })
    )
  }
  /** Whether an <img> loaded a real picture (waits up to 10 s for it). */
  const imageLoaded = (locator) =>
    locator.evaluate(
      (img) =>
        new Promise((resolve) => {
          const done = () => resolve(img.complete && img.naturalWidth > 0)
          if (img.complete) return done()
          img.addEventListener("load", done, { once: true })
          img.addEventListener("error", done, { once: true })
          setTimeout(done, 10_000)
        })
    )

  // The page is nested under Affiliates in the sidebar.
  await page.goto(`${BASE_URL}/app/affiliates/creatives`)
  await page.getByRole("heading", { name: "Creatives" }).waitFor({ timeout: 120_000 })
  check("the creatives page is in the sidebar", (await page.getByRole("link", { name: "Creatives" }).count()) > 0)

  // A banner: the image goes through POST /admin/uploads, the preview shows it.
  await page.getByTestId("creative-create").click()
  const form = page.getByTestId("creative-create-form")
  await form.waitFor()
  await form.locator('input[name="name"]').fill(bannerName)
  await form.getByTestId("creative-product").click()
  await page.getByRole("option", { name: "Medusa T-Shirt" }).click()
  await form.getByTestId("creative-image-input").setInputFiles({ name: "banner.png", mimeType: "image/png", buffer: bannerPng() })
  await form.getByTestId("creative-preview-image").waitFor({ timeout: 30_000 })
  await form.locator('input[name="landing_url"]').fill("/products/medusa-t-shirt")
  check("the banner's preview shows the uploaded image", await imageLoaded(form.getByTestId("creative-preview-image")))
  await shot("admin-creative-create")
  await form.getByTestId("creative-save").click()
  await page.getByText(`"${bannerName}" created`).waitFor({ timeout: 30_000 })

  // A text link without its text: refused by the API, shown by the field.
  await page.getByTestId("creative-create").click()
  await form.waitFor()
  await form.getByTestId("creative-type").click()
  await page.getByRole("option", { name: "Text link" }).click()
  await form.locator('input[name="name"]').fill(linkName)
  await form.getByTestId("creative-save").click()
  await form.getByTestId("field-error").waitFor({ timeout: 30_000 })
  check("a text link without text is refused by the field", (await form.getByTestId("field-error").innerText()).includes("link_text"))
  await form.locator('input[name="link_text"]').fill("Shop the spring sale")
  await form.getByTestId("creative-preview-link").waitFor()
  await form.getByTestId("creative-save").click()
  await page.getByText(`"${linkName}" created`).waitFor({ timeout: 30_000 })

  // Both in the list, with their type and product; the filter lives in the URL.
  const table = page.getByTestId("creatives-table")
  await table.getByText(bannerName).waitFor({ timeout: 30_000 })
  await table.getByText(linkName).waitFor({ timeout: 30_000 })
  const bannerRow = page.getByTestId("creative-row").filter({ hasText: bannerName })
  check("the banner row shows its image", (await bannerRow.locator("img").count()) === 1 && (await imageLoaded(bannerRow.locator("img"))))
  // Product titles load after the rows.
  await bannerRow.getByRole("link", { name: "Medusa T-Shirt" }).waitFor({ timeout: 30_000 }).catch(() => {})
  check("the banner row names its product", (await bannerRow.getByRole("link", { name: "Medusa T-Shirt" }).count()) === 1)
  check("the text link row shows its text", (await page.getByTestId("creative-row").filter({ hasText: linkName }).getByText("Shop the spring sale").count()) === 1)
  // Let the toasts go before the picture.
  await page.getByText(`"${linkName}" created`).waitFor({ state: "detached", timeout: 20_000 }).catch(() => {})
  await shot("admin-creatives")

  await page.getByTestId("creatives-type-filter").click()
  await page.getByRole("option", { name: "Text link" }).click()
  await page.waitForURL(/type=text_link/)
  await table.getByText(bannerName).waitFor({ state: "detached", timeout: 30_000 })
  check("the type filter keeps only text links", (await table.getByText(linkName).count()) === 1)
  await page.reload()
  await table.getByText(linkName).waitFor({ timeout: 60_000 })
  check("the filter survives a reload (it is in the URL)", (await table.getByText(bannerName).count()) === 0)

  // Deactivate the text link from its row.
  await page.getByTestId("creative-row").filter({ hasText: linkName }).getByTestId("creative-actions").click()
  await page.getByRole("menuitem", { name: "Deactivate" }).click()
  await page.getByText(`"${linkName}" deactivated`).waitFor({ timeout: 30_000 })
  await page.getByTestId("creative-row").filter({ hasText: linkName }).getByText("Inactive").waitFor({ timeout: 30_000 })
  check("the text link is inactive", true)

  // The widget on Medusa's product page.
  const { products } = await api("/admin/products?handle=medusa-t-shirt&fields=id", { token })
  const productId = products[0].id
  await page.goto(`${BASE_URL}/app/products/${productId}`)
  const widget = page.getByTestId("product-affiliate-widget")
  await widget.getByTestId("product-affiliate-in-program").waitFor({ timeout: 120_000 })
  check("the widget says the product earns", (await widget.getByTestId("product-affiliate-in-program").innerText()).includes("Earns commission"))
  check("the widget lists the product's banner", (await widget.getByText(bannerName).count()) === 1)
  check("the widget shows the program rate", (await widget.getByText(/program's 10%/).count()) === 1)

  // Out of the program, after a confirmation.
  await widget.getByTestId("product-affiliate-in-program-switch").click()
  await page.getByRole("button", { name: "Take out" }).click()
  await page.getByText("Product is out of the affiliate program").waitFor({ timeout: 30_000 })

  // A landing page of its own, in the drawer.
  await widget.getByTestId("product-affiliate-edit").click()
  const drawer = page.getByTestId("product-affiliate-landing-form")
  await drawer.locator('input[name="landing_url"]').fill("https://evil.example/x")
  await drawer.getByTestId("product-affiliate-landing-save").click()
  await drawer.getByTestId("field-error").waitFor({ timeout: 30_000 })
  check("a landing page off the store is refused by the field", (await drawer.getByTestId("field-error").innerText()).includes("landing_url"))
  await drawer.locator('input[name="landing_url"]').fill("/collections/summer")
  await drawer.getByTestId("product-affiliate-landing-save").click()
  await page.getByText("Landing page saved").waitFor({ timeout: 30_000 })

  await page.reload()
  await widget.getByTestId("product-affiliate-in-program").waitFor({ timeout: 120_000 })
  check("after a reload the product is out of the program", (await widget.getByTestId("product-affiliate-in-program").innerText()).includes("Out of the program"))
  check("after a reload the landing page is kept", (await widget.getByTestId("product-affiliate-landing").innerText()) === "/collections/summer")
  const saved = await api(`/admin/products/${productId}/affiliate-program`, { token })
  check("the API agrees: out of the program, with an excluded rule", saved.in_program === false && saved.rules.some((rule) => rule.excluded && rule.level === 0))
  await widget.scrollIntoViewIfNeeded()
  await shot("admin-product-widget")

  // Back as it was for the scenarios after this one.
  await api(`/admin/products/${productId}/affiliate-program`, { token, method: "POST", body: { in_program: true, landing_url: null } })
}
