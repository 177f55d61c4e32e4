// The Reports screen: a date range, the funnel by day as a chart, top
// partners, by UTM campaign and by sales channel, the internal channels apart
// from external partners; then a partner page's statistics over a range.
// Data first, through the API: a redirect click for ADA10 with a campaign, an
// internal channel with its own click, and a referred order.
export default async function reports({ page, api, token, BASE_URL, check, shot, placeReferredOrder }) {
  const run = Date.now()
  const campaign = `reports-spring-${run}`
  const visit = (path) =>
    fetch(`${BASE_URL}${path}`, {
      redirect: "manual",
      headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36 reports-${run}-${path}` },
    })
  const { affiliate: team } = await api("/admin/affiliates", {
    token,
    method: "POST",
    body: { name: "Newsletter team", email: `newsletter-${run}@store.test`, status: "active", is_internal: true, commission_rate: 0 },
  })
  const teamCode = `NEWS${run % 100000}`
  await api(`/admin/affiliates/${team.id}/codes`, { token, method: "POST", body: { code: teamCode } })
  await visit(`/r/ADA10?utm_campaign=${campaign}`)
  await visit(`/r/${teamCode}?utm_campaign=newsletter-${run}`)
  await placeReferredOrder({ code: "ADA10" })

  // The page is in the sidebar under Affiliates.
  await page.goto(`${BASE_URL}/app/affiliates/reports`)
  await page.getByRole("heading", { name: "Reports", exact: true }).waitFor({ timeout: 120_000 })
  await page.getByTestId("reports-orders").waitFor({ timeout: 60_000 })
  check("the totals count the referred order", Number((await page.getByTestId("reports-orders").innerText()).replace(/,/g, "")) >= 1)
  check("the totals count the clicks", Number((await page.getByTestId("reports-clicks").innerText()).replace(/,/g, "")) >= 2)
  const conversion = await page.getByTestId("reports-conversion").innerText()
  check("conversion reads as a percentage no higher than 100 %", /%$/.test(conversion) && parseFloat(conversion) <= 100)
  check("cost of sale is shown", (await page.getByTestId("reports-cost-of-sale").count()) === 1)

  const chart = page.getByTestId("report-chart")
  await chart.locator("svg").first().waitFor({ timeout: 60_000 })
  const points = chart.getByTestId("chart-clicks").locator("circle[data-point]")
  check("the chart has a point per day of the 30-day range", (await points.count()) === 30)
  const today = new Date().toISOString().slice(0, 10)
  const todayClicks = Number(await points.last().getAttribute("data-value"))
  check("today's point carries today's clicks", (await points.last().getAttribute("data-point")) === today && todayClicks >= 2)
  check("the chart shows sign-ups, orders and commission too", (await chart.locator("svg").count()) === 4)

  const top = page.getByTestId("reports-top-partners")
  await top.getByRole("link", { name: /Ada Lovelace/ }).waitFor({ timeout: 60_000 })
  check("top partners lists Ada Lovelace", (await top.getByRole("link", { name: /Ada Lovelace/ }).count()) === 1)
  const campaigns = page.getByTestId("reports-by-campaign")
  await campaigns.getByText(campaign).waitFor({ timeout: 30_000 })
  check("by UTM campaign lists the click's campaign", (await campaigns.getByText(campaign).count()) === 1)
  const channels = page.getByTestId("reports-by-channel")
  await channels.getByText("Default Sales Channel").waitFor({ timeout: 30_000 })
  check("by sales channel names the store's channel", (await channels.getByText("Default Sales Channel").count()) >= 1)
  const segments = page.getByTestId("reports-segments")
  await segments.getByRole("cell", { name: "Internal channels" }).waitFor({ timeout: 30_000 })
  check("internal channels are reported apart from external partners", (await segments.getByRole("cell", { name: "External partners" }).count()) === 1)
  await shot("admin-reports")

  // Only the internal channels: their campaign, not the partner's.
  await page.getByTestId("reports-segment").click()
  await page.getByRole("option", { name: "Internal channels" }).click()
  await page.waitForURL(/segment=internal/)
  // (The whole program's table lists both campaigns: wait for the partner's to go.)
  await campaigns.getByText(campaign).waitFor({ state: "detached", timeout: 30_000 }).catch(() => {})
  await campaigns.getByText(`newsletter-${run}`).waitFor({ timeout: 30_000 })
  check("the internal segment shows the internal campaign only", (await campaigns.getByText(campaign).count()) === 0)
  await page.getByTestId("reports-segment").click()
  await page.getByRole("option", { name: "All partners and channels" }).click()

  // A year: the range is in the URL, the chart has a point per day.
  await page.getByTestId("date-range-preset").click()
  await page.getByRole("option", { name: "Last 365 days" }).click()
  await page.waitForURL(/range=365/)
  await chart.getByTestId("chart-clicks").locator("circle[data-point]").nth(364).waitFor({ state: "attached", timeout: 60_000 })
  check("a year's chart has 365 days", (await chart.getByTestId("chart-clicks").locator("circle[data-point]").count()) === 365)
  const yearStart = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  check("the range reads the year", (await page.getByTestId("reports-range").innerText()).startsWith(yearStart))
  await top.getByRole("link", { name: /Ada Lovelace/ }).waitFor({ timeout: 60_000 })
  // The tables, below the chart.
  await page.getByTestId("reports-segments").scrollIntoViewIfNeeded()
  await shot("admin-reports-year")

  // A custom range from the URL, reloaded: the page reads it back.
  const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)
  await page.goto(`${BASE_URL}/app/affiliates/reports?range=custom&from=${weekAgo}&to=${today}`)
  await page.getByTestId("reports-orders").waitFor({ timeout: 60_000 })
  check("a custom range from the URL is shown", (await page.getByTestId("reports-range").innerText()) === `${weekAgo} – ${today}`)
  check("a custom week's chart has 7 days", (await chart.getByTestId("chart-clicks").locator("circle[data-point]").count()) === 7)

  // The partner page's statistics over a range: a chart, by code and by link.
  const { affiliates } = await api("/admin/affiliates?q=ada%40example.com", { token })
  const ada = affiliates[0]
  await page.goto(`${BASE_URL}/app/affiliates/${ada.id}?stats_range=90`)
  const stats = page.getByTestId("affiliate-stats")
  await stats.getByRole("heading", { name: "Clicks, orders and earnings by day" }).waitFor({ timeout: 120_000 })
  const partnerPoints = stats.getByTestId("chart-clicks").locator("circle[data-point]")
  await partnerPoints.first().waitFor({ state: "attached", timeout: 60_000 })
  check("the partner chart covers the 90-day range", (await partnerPoints.count()) === 90)
  check("the partner chart shows earnings", (await stats.getByTestId("chart-commission").count()) === 1)
  const byCode = stats.getByTestId("affiliate-stats-by-code")
  await byCode.getByText("ADA10", { exact: true }).waitFor({ timeout: 60_000 })
  check("the partner's figures by code name the code", (await byCode.getByText("ADA10", { exact: true }).count()) === 1)
  check("the partner's figures by link are shown", (await stats.getByTestId("affiliate-stats-by-link").count()) === 1)
  await page.getByTestId("report-orders").waitFor({ timeout: 60_000 })
  check("the 30-day summary is still on the partner page", (await page.getByTestId("report-orders").count()) >= 1)
  await stats.getByRole("heading", { name: "Clicks, orders and earnings by day" }).scrollIntoViewIfNeeded()
  await shot("admin-partner-stats")
}
