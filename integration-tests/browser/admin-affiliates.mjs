// `npm run test:browser`: drives the admin's Affiliates pages in a real
// Chromium (Debian's, at /usr/bin/chromium, or CHROMIUM_PATH) against the
// development store, and saves screenshots in .screenshots/.
//
// It starts `npm run dev` itself unless BASE_URL points at a running server.
// Before looking, it places a real order with the demo code ADA10 through the
// store API, so the ledger has a line to show.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"
import { stopProcessTree } from "../../scripts/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
// A dot folder: `medusa develop` restarts on any other file written in the project.
const shots = path.join(root, ".screenshots")
const BASE_URL = process.env.BASE_URL ?? "http://localhost:9000"
const ADMIN = { email: "admin@example.com", password: "supersecret" }

let server = null
let page = null
const failures = []
const check = (name, ok) => {
  console.log(`${ok ? "ok" : "FAIL"} - ${name}`)
  if (!ok) failures.push(name)
}

try {
  if (!process.env.BASE_URL) {
    server = spawn(process.execPath, [path.join(root, "scripts", "dev.mjs")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    })
  }
  await waitForHealth(240_000)

  const token = await adminToken()
  // A visit through a redirect link, and a referred order, for the summary and the ledger.
  await fetch(`${BASE_URL}/r/ADA10?utm_campaign=browser-test`, {
    redirect: "manual",
    headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36 run-${Date.now()}` },
  })
  const orderId = await placeReferredOrder(token)

  fs.mkdirSync(shots, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })

  // In development the admin is compiled on first request: allow for it.
  await page.goto(`${BASE_URL}/app/login`, { timeout: 180_000 })
  await page.locator('input[name="email"]').waitFor({ timeout: 180_000 })
  await page.locator('input[name="email"]').fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.getByRole("button", { name: /continue/i }).click()
  await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })

  // The route is in the sidebar.
  await page.getByRole("link", { name: "Affiliates" }).first().click()
  await page.waitForURL(/\/app\/affiliates$/)
  await page.getByText("ada@example.com").waitFor({ timeout: 30_000 })
  check("the list shows the demo affiliates", (await page.getByText("grace@example.com").count()) > 0)
  check("the list shows their status", (await page.getByText("active", { exact: true }).count()) >= 2)
  await page.getByTestId("report-orders").waitFor({ timeout: 30_000 })
  check("the 30-day summary counts the referred order", Number(await page.getByTestId("report-orders").innerText()) >= 1)
  check("the 30-day summary counts the redirect click", Number(await page.getByTestId("report-clicks").innerText()) >= 1)
  check("the summary shows USD revenue", (await page.getByText("Revenue USD").count()) > 0)
  await page.screenshot({ path: path.join(shots, "admin-affiliates-list.png"), fullPage: true })

  await page.getByPlaceholder("Search name or email").fill("grace")
  await page.getByText("ada@example.com").waitFor({ state: "detached", timeout: 60_000 })
  await page.getByText("grace@example.com").waitFor({ timeout: 30_000 })
  check("search narrows the list", (await page.getByText("ada@example.com").count()) === 0)
  await page.getByPlaceholder("Search name or email").fill("")
  await page.getByText("ada@example.com").waitFor({ timeout: 30_000 })

  await page.getByRole("link", { name: "Ada Lovelace" }).click()
  // The first visit compiles the page in development: allow for it.
  await page.getByRole("heading", { name: "Commission ledger" }).waitFor({ timeout: 120_000 })
  await page.getByText("Program default (10%)").first().waitFor({ timeout: 30_000 })
  check("the detail page shows the code", (await page.getByText("ADA10").count()) > 0)
  check("the ledger shows the order's pending line", (await page.getByRole("cell", { name: "pending" }).count()) > 0)
  check("the ledger shows the line's amount, 10% of $20", (await page.getByRole("cell", { name: "$2.00" }).count()) > 0)
  await page.getByTestId("report-orders").waitFor({ timeout: 30_000 })
  check("the affiliate's 30-day summary counts their orders", Number(await page.getByTestId("report-orders").innerText()) >= 1)
  await page.screenshot({ path: path.join(shots, "admin-affiliate-detail.png"), fullPage: true })

  // The widget on Medusa's own order page names who referred the order, and how.
  await page.goto(`${BASE_URL}/app/orders/${orderId}`)
  const widget = page.getByTestId("order-affiliate-widget")
  await widget.getByText("Referred by").waitFor({ timeout: 120_000 })
  check("the order widget names the partner", (await widget.getByRole("link", { name: "Ada Lovelace" }).count()) > 0)
  check("the order widget shows the code", (await widget.getByText("ADA10", { exact: true }).count()) > 0)
  check("the order widget shows the pending $2.00 line", (await widget.getByText("$2.00").count()) > 0)
  await widget.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(shots, "admin-order-widget.png"), fullPage: true })

  // And on the customer's page, the partner the shopper is now bound to, and the order.
  const { order } = await api(`/admin/orders/${orderId}?fields=id,customer_id`, { token })
  await page.goto(`${BASE_URL}/app/customers/${order.customer_id}`)
  const customerWidget = page.getByTestId("customer-affiliate-widget")
  await customerWidget.getByText("Bound to").waitFor({ timeout: 120_000 })
  check("the customer widget names the partner", (await customerWidget.getByRole("link", { name: "Ada Lovelace" }).count()) > 0)
  check("the customer widget lists the referred order's $2.00", (await customerWidget.getByText("$2.00").count()) > 0)
  await customerWidget.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(shots, "admin-customer-widget.png"), fullPage: true })

  await browser.close()
} catch (e) {
  console.error(e)
  await page?.screenshot({ path: path.join(shots, "failure.png"), fullPage: true }).catch(() => {})
  failures.push(String(e?.message ?? e))
} finally {
  await stopProcessTree(server)
}

console.log(`${failures.length ? "FAILED" : "passed"}; screenshots in ${path.relative(root, shots)}/`)
process.exit(failures.length ? 1 : 0)

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE_URL}/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${BASE_URL}/health did not answer within ${timeoutMs / 1000}s`)
}

async function api(pathname, { token, key, method = "GET", body } = {}) {
  const res = await fetch(`${BASE_URL}${pathname}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(data)}`)
  return data
}

async function adminToken() {
  const { token } = await api("/auth/user/emailpass", { method: "POST", body: ADMIN })
  return token
}

/** A real checkout with the demo code, so the affiliate has a ledger line. */
async function placeReferredOrder(token) {
  const { api_keys } = await api("/admin/api-keys?type=publishable", { token })
  const key = api_keys[0].token
  const { regions } = await api("/store/regions", { key })
  const region = regions.find((r) => r.currency_code === "usd")
  const { products } = await api("/store/products?handle=medusa-t-shirt&fields=*variants", { key })
  const { cart } = await api("/store/carts", {
    key,
    method: "POST",
    body: {
      region_id: region.id,
      email: `browser-${Date.now()}@example.com`,
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
      shipping_address: { first_name: "B", last_name: "Rowser", address_1: "1 Test St", city: "New York", postal_code: "10001", country_code: "us" },
    },
  })
  await api(`/store/carts/${cart.id}/referral`, { key, method: "POST", body: { code: "ADA10" } })
  const { shipping_options } = await api(`/store/shipping-options?cart_id=${cart.id}`, { key })
  await api(`/store/carts/${cart.id}/shipping-methods`, { key, method: "POST", body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await api("/store/payment-collections", { key, method: "POST", body: { cart_id: cart.id } })
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    key,
    method: "POST",
    body: { provider_id: "pp_autocapture_autocapture" },
  })
  const completed = await api(`/store/carts/${cart.id}/complete`, { key, method: "POST" })
  if (completed.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(completed)}`)
  // order.placed is handled after checkout; wait for its line.
  for (let i = 0; i < 30; i++) {
    const { commission_lines } = await api(`/admin/affiliate-commissions?order_id=${completed.order.id}`, { token })
    if (commission_lines.length) return completed.order.id
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("no commission line appeared for the referred order")
}
