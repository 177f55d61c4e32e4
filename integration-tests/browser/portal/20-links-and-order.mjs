// A partner builds a link in the portal (a product from the destination
// search, UTM tags, a sub-id), a shopper follows it and orders: the click and
// the order show on the dashboard, and in stats, customers and earnings.
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

export default async function linksAndOrder({ page, api, token, portal, check, shot, settled, signUpPartner, logIn, placeReferredOrder }) {
  const run = Date.now().toString(36)
  const email = `links-${run}@partners.test`
  const affiliate = await signUpPartner({ email, name: `Links ${run}` })
  // Something to show on the creatives page.
  await api("/admin/affiliate-creatives", {
    token,
    method: "POST",
    body: { type: "text_link", name: `Spring text ${run}`, link_text: "Shop the spring collection" },
  })
  await logIn(email)
  await settled()

  await page.goto(`${portal}/links`)
  const builder = page.getByTestId("link-builder")
  await builder.waitFor()
  await page.getByTestId("links-table").or(page.getByText("No links yet")).first().waitFor()
  await shot("links-empty")
  await builder.getByRole("searchbox").fill("shirt")
  // The search is debounced: wait for its answer, not the list shown before it.
  const product = page.getByTestId("destinations").getByRole("button", { name: /t-shirt/i }).first()
  await product.waitFor({ timeout: 15_000 })
  await product.click()
  const target = await page.locator("#target_url").inputValue()
  check("picking a product fills the destination", target.startsWith("/") || target.startsWith("http"))
  await page.locator("#sub_id").fill("blog1")
  await page.locator("#utm_source").fill("blog")
  await page.locator("#utm_campaign").fill("spring")
  // A bad sub-id is refused by its field.
  await page.locator("#sub_id").fill("not valid!")
  await builder.getByRole("button", { name: "Create the link" }).click()
  await page.locator("#sub_id-error").waitFor()
  check("a bad sub-id is shown by the field", (await page.locator("#sub_id-error").innerText()).includes("sub_id"))
  await page.locator("#sub_id").fill("blog1")
  await builder.getByRole("button", { name: "Create the link" }).click()
  await page.getByTestId("created-link").waitFor()
  const url = (await page.getByTestId("created-link").innerText()).split("\n")[0].trim()
  check("the new link is a /r/ link with the sub-id", /\/r\/[^/]+\/blog1$/.test(url))
  await page.getByTestId("link-url").first().waitFor()
  check("the list shows the new link", (await page.getByTestId("link-url").allInnerTexts()).includes(url))
  await shot("links")

  // A shopper follows the link: the redirect records the click and hands the store a token.
  const res = await fetch(url, { redirect: "manual", headers: { "user-agent": BROWSER_UA } })
  const location = new URL(res.headers.get("location") ?? "http://invalid/")
  const referralToken = location.searchParams.get("affiliate_token")
  check("the link redirects with a click token", res.status >= 300 && res.status < 400 && !!referralToken)
  check("the redirect carries the link's UTM campaign", location.searchParams.get("utm_campaign") === "spring")
  await placeReferredOrder({ referralToken, email: `shopper-${run}@example.com` })

  // The dashboard counts them (the read model may lag a moment).
  let clicks = 0
  let orders = 0
  for (let i = 0; i < 20 && (clicks < 1 || orders < 1); i++) {
    await page.goto(portal)
    await page.getByTestId("figure-clicks-value").waitFor({ timeout: 30_000 })
    clicks = Number((await page.getByTestId("figure-clicks-value").innerText()).replace(/\D/g, ""))
    orders = Number((await page.getByTestId("figure-orders-value").innerText()).replace(/\D/g, ""))
    if (clicks < 1 || orders < 1) await page.waitForTimeout(1500)
  }
  check("the dashboard shows the click", clicks >= 1)
  check("the dashboard shows the order", orders >= 1)
  await page.getByTestId("latest-lines").waitFor()
  check("the dashboard lists the order's commission", (await page.getByTestId("latest-lines").getByRole("row").count()) >= 2)
  await shot("dashboard")

  await page.goto(`${portal}/codes`)
  await page.getByTestId("code-card").first().waitFor()
  check("the codes page shows the partner's code", (await page.getByTestId("code-card").count()) >= 1)
  await shot("codes")

  await page.goto(`${portal}/stats`)
  await page.getByTestId("stats-table").waitFor()
  await shot("stats")
  await page.getByRole("tab", { name: "Link" }).click()
  await page.getByTestId("stats-table").getByText("/r/").or(page.getByTestId("stats-table").getByText(/shirt/i)).first().waitFor()
  check("stats by link name the link", true)

  await page.goto(`${portal}/customers`)
  await page.getByTestId("customers-table").waitFor()
  const customer = await page.getByTestId("customers-table").innerText()
  check("the customer's email is masked", !customer.includes(`shopper-${run}@example.com`) && customer.includes("*"))
  await shot("customers")

  await page.goto(`${portal}/earnings`)
  await page.getByTestId("ledger").waitFor()
  check("the ledger shows the sale", (await page.getByTestId("ledger").getByText("Sale").count()) >= 1)
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("Download CSV").click()])
  const csv = await (await download.createReadStream()).toArray()
  check("the ledger downloads as CSV", Buffer.concat(csv).toString().split("\n").length >= 2)
  await shot("earnings")

  await page.goto(`${portal}/creatives`)
  await page.getByTestId("creative").first().waitFor()
  check("creatives carry the partner's code", (await page.getByTestId("creative-link").first().innerText()).includes("ref="))
  await shot("creatives")
  check("the partner id stayed the partner's", !!affiliate.id)
}
