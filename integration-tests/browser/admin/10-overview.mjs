// The partner list with its 30-day summary, a partner's page, and the
// widgets on Medusa's own order and customer pages, after a real referred
// checkout with the demo code ADA10 and a visit through a redirect link.
export default async function overview({ page, api, token, BASE_URL, check, shot, placeReferredOrder }) {
  await fetch(`${BASE_URL}/r/ADA10?utm_campaign=browser-test`, {
    redirect: "manual",
    headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36 run-${Date.now()}` },
  })
  const orderId = await placeReferredOrder({ code: "ADA10" })

  // The route is in the sidebar.
  await page.goto(`${BASE_URL}/app/orders`)
  await page.getByRole("link", { name: "Affiliates" }).first().click()
  await page.waitForURL(/\/app\/affiliates$/)
  await page.getByText("ada@example.com").waitFor({ timeout: 60_000 })
  check("the list shows the demo affiliates", (await page.getByText("grace@example.com").count()) > 0)
  check("the list shows their status", (await page.getByText("active", { exact: true }).count()) >= 2)
  await page.getByTestId("report-orders").waitFor({ timeout: 30_000 })
  check("the 30-day summary counts the referred order", Number(await page.getByTestId("report-orders").innerText()) >= 1)
  check("the 30-day summary counts the redirect click", Number(await page.getByTestId("report-clicks").innerText()) >= 1)
  check("the summary shows USD revenue", (await page.getByText("Revenue USD").count()) > 0)
  await shot("admin-affiliates-list")

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
  await shot("admin-affiliate-detail")

  // An unknown partner id: "not found" with a way back, not an endless "Loading…".
  await page.goto(`${BASE_URL}/app/affiliates/aff_01UNKNOWN0000000000000000`)
  await page.getByTestId("not-found").waitFor({ timeout: 30_000 })
  check("an unknown partner shows not found", (await page.getByText("Partner not found").count()) > 0)
  check("not found offers a way back", (await page.getByRole("link", { name: "Back to partners" }).count()) > 0)
  await shot("admin-affiliate-not-found")

  // The widget on Medusa's own order page names who referred the order, and how.
  await page.goto(`${BASE_URL}/app/orders/${orderId}`)
  const widget = page.getByTestId("order-affiliate-widget")
  await widget.getByText("Referred by").waitFor({ timeout: 120_000 })
  check("the order widget names the partner", (await widget.getByRole("link", { name: "Ada Lovelace" }).count()) > 0)
  check("the order widget shows the code", (await widget.getByText("ADA10", { exact: true }).count()) > 0)
  check("the order widget shows the pending $2.00 line", (await widget.getByText("$2.00").count()) > 0)
  await widget.scrollIntoViewIfNeeded()
  await shot("admin-order-widget")

  // And on the customer's page, the partner the shopper is now bound to, and the order.
  const { order } = await api(`/admin/orders/${orderId}?fields=id,customer_id`, { token })
  await page.goto(`${BASE_URL}/app/customers/${order.customer_id}`)
  const customerWidget = page.getByTestId("customer-affiliate-widget")
  await customerWidget.getByText("Bound to").waitFor({ timeout: 120_000 })
  check("the customer widget names the partner", (await customerWidget.getByRole("link", { name: "Ada Lovelace" }).count()) > 0)
  check("the customer widget lists the referred order's $2.00", (await customerWidget.getByText("$2.00").count()) > 0)
  await customerWidget.scrollIntoViewIfNeeded()
  await shot("admin-customer-widget")
}
