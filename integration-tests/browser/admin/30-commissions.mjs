import fs from "node:fs"

// The Commissions page: the whole ledger with filters in the URL, a line's
// details, approving one line after the confirmation, holding and releasing
// two lines at once, a bonus through the adjustment form (with a field error
// first), and the CSV export of the filtered list, downloaded by the browser
// with the admin's session cookie.
export default async function commissions({ page, BASE_URL, check, shot, placeReferredOrder }) {
  const first = await placeReferredOrder({ code: "ADA10" })
  const second = await placeReferredOrder({ code: "ADA10", email: `browser-second-${Date.now()}@example.com` })
  const rowOf = (orderId) => page.locator("tbody tr", { has: page.locator(`a[title="${orderId}"]`) })
  // Unique per run, so a rerun against the same database finds its own bonus.
  const bonusReason = `Top partner this month (run ${Date.now().toString(36)})`
  const toast = (text) => page.getByText(text).first().waitFor({ timeout: 30_000 })

  // The page is in the sidebar, under Affiliates.
  await page.goto(`${BASE_URL}/app/affiliates`)
  await page.getByRole("link", { name: "Commissions" }).first().click()
  await page.waitForURL(/\/app\/affiliates\/commissions/)
  // The first visit compiles the page in development: allow for it.
  await page.getByRole("heading", { name: "Commissions" }).waitFor({ timeout: 120_000 })

  // Filter by the order: the filter goes into the URL and leaves one line.
  await page.getByPlaceholder("Order ID").fill(first)
  await page.waitForURL(new RegExp(`order=${first}`), { timeout: 30_000 })
  await rowOf(first).waitFor({ timeout: 30_000 })
  await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, null, { timeout: 30_000 })
  const row = rowOf(first)
  check("the order filter leaves the order's line", (await page.locator("tbody tr").count()) === 1)
  check("the line names its partner, linked", (await row.getByRole("link", { name: "Ada Lovelace" }).count()) === 1)
  check("the line is pending", (await row.getByText("pending", { exact: true }).count()) === 1)
  check("the line earns 10% of $20", (await row.getByText("$2.00").count()) === 1)

  const partnerHref = await row.getByRole("link", { name: "Ada Lovelace" }).getAttribute("href")

  // Its details, in a drawer opened from the row.
  await row.getByText("Program default (10%)").click()
  const drawer = page.getByTestId("line-details")
  await drawer.waitFor({ timeout: 30_000 })
  check("the details name the rule and rate", (await drawer.getByTestId("line-details-rule").innerText()) === "Program default (10%)")
  check("the details show the base", (await drawer.getByText("$20.00").count()) > 0)
  check("the details show the source", (await drawer.getByText("Referral code").count()) === 1)
  check("the details say it isn't settled yet", (await drawer.getByTestId("line-details-payout").innerText()) === "Not settled yet")
  check("the open line is in the URL", /[?&]line=afcom_/.test(page.url()))
  await shot("admin-commission-details")

  const lineId = (await drawer.locator(".font-mono").first().innerText()).trim()
  // Approve it from the drawer, after the confirmation.
  await drawer.getByRole("button", { name: "Approve" }).click()
  const prompt = page.getByTestId("line-action-prompt")
  await prompt.getByText("Approve 1 line?").waitFor({ timeout: 30_000 })
  await prompt.getByLabel("Reason (optional)").fill("Checked by hand")
  await prompt.getByRole("button", { name: "Approve" }).click()
  await toast("1 line approved")
  await drawer.getByTestId("line-details-status").getByText("approved").waitFor({ timeout: 30_000 })
  check("the drawer shows who changed it and why", (await drawer.getByText("Checked by hand").count()) === 1)
  await drawer.getByTestId("line-details-changed").getByText("admin@example.com").waitFor({ timeout: 30_000 })
  check("the drawer shows the admin who approved it", true)
  await drawer.getByRole("button", { name: "Close" }).click()
  await drawer.waitFor({ state: "detached", timeout: 30_000 })
  await row.getByText("approved", { exact: true }).waitFor({ timeout: 30_000 })
  check("the list shows the line approved", (await row.getByText("approved", { exact: true }).count()) === 1)

  // Both orders' lines: clear the order filter, filter by the partner instead.
  await page.getByRole("button", { name: "Clear filters" }).click()
  await page.getByPlaceholder("Partner").fill("Ada")
  await page.getByRole("option", { name: /Ada Lovelace/ }).click()
  await page.waitForURL(/partner=aff_/, { timeout: 30_000 })
  await rowOf(second).waitFor({ timeout: 30_000 })

  // Bulk hold, then release, the two lines.
  for (const [action, done, status] of [
    ["Hold", "2 lines put on hold", "on hold"],
    ["Release", "2 lines released", "pending"],
  ]) {
    await rowOf(first).getByRole("checkbox").click()
    await rowOf(second).getByRole("checkbox").click()
    await page.getByText("2 selected").waitFor({ timeout: 30_000 })
    // The command bar's button, named with its keyboard shortcut ("Hold H").
    await page.getByRole("button", { name: new RegExp(`^${action} [A-Z]$`, "i") }).click()
    await prompt.getByText(`${action} 2 lines?`).waitFor({ timeout: 30_000 })
    if (action === "Hold") await prompt.getByLabel("Reason (optional)").fill("Many orders in a minute")
    await prompt.getByRole("button", { name: action }).click()
    await toast(done)
    await rowOf(first).getByText(status, { exact: true }).waitFor({ timeout: 30_000 })
    await rowOf(second).getByText(status, { exact: true }).waitFor({ timeout: 30_000 })
    check(`bulk ${action.toLowerCase()} changes both lines to ${status}`, true)
  }

  // A bonus for Grace Hopper: the field errors first, by their fields.
  await page.getByRole("button", { name: "Adjustment or bonus" }).click()
  const modal = page.getByTestId("adjustment-modal")
  await modal.getByText("Add an adjustment or bonus").waitFor({ timeout: 30_000 })
  await modal.getByPlaceholder("Search partners").fill("Grace")
  await page.getByRole("option", { name: /Grace Hopper/ }).click()
  await modal.getByRole("button", { name: "Save" }).click()
  check("an empty amount is refused by its field", (await modal.getByTestId("adjustment-amount-error").innerText()).length > 0)
  check("an empty reason is refused by its field", (await modal.getByTestId("adjustment-reason-error").innerText()).length > 0)
  await modal.getByRole("textbox", { name: "Amount" }).fill("15.555")
  await modal.getByRole("textbox", { name: "Reason" }).fill(bonusReason)
  await modal.getByRole("button", { name: "Save" }).click()
  await modal.getByTestId("adjustment-amount-error").getByText("more decimals than USD allows").waitFor({ timeout: 30_000 })
  check("the API's precision error shows by the amount", true)
  await shot("admin-commission-adjustment")
  await modal.getByRole("textbox", { name: "Amount" }).fill("15")
  await modal.getByRole("button", { name: "Save" }).click()
  await toast("Bonus of $15.00 recorded for Grace Hopper")
  await modal.waitFor({ state: "detached", timeout: 30_000 })

  // The bonus in the ledger, found with the type filter.
  await page.getByRole("button", { name: "Clear filters" }).click()
  await page.getByRole("combobox", { name: "Type" }).click()
  await page.getByRole("option", { name: "bonus", exact: true }).click()
  await page.waitForURL(/type=bonus/, { timeout: 30_000 })
  const bonus = page.locator("tbody tr", { hasText: bonusReason })
  await bonus.waitFor({ timeout: 30_000 })
  check("the bonus is listed for Grace Hopper", (await bonus.getByRole("link", { name: "Grace Hopper" }).count()) === 1)
  check("the bonus is $15.00 and approved", (await bonus.getByText("$15.00").count()) === 1 && (await bonus.getByText("approved").count()) === 1)

  // The whole list, then the CSV of a filtered one (the order filter).
  await page.getByRole("button", { name: "Clear filters" }).click()
  await rowOf(first).waitFor({ timeout: 30_000 })
  await shot("admin-commissions")

  await page.getByPlaceholder("Order ID").fill(second)
  await page.waitForURL(new RegExp(`order=${second}`), { timeout: 30_000 })
  await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, null, { timeout: 30_000 })
  check("the export link carries the filter", (await page.getByTestId("export-csv").getAttribute("href")).includes(`order_id=${second}`))
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()])
  const csv = fs.readFileSync(await download.path(), "utf8")
  const rows = csv.trim().split(/\r?\n/)
  check("the CSV download is named for the ledger", /^affiliate-ledger.*\.csv$/.test(download.suggestedFilename()))
  check("the CSV has its header", rows[0].startsWith("id,created_at,affiliate_id"))
  check("the CSV holds the filtered line, and only it", rows.length === 2 && rows[1].includes(second) && rows[1].includes("Ada Lovelace"))

  await partnerLedger({ page, BASE_URL, check, partnerHref, orderId: first, lineId })
}

/**
 * The partner page's ledger: the same actions and drawer, per line. Called at
 * the end of the scenario with the first order's line, pending again by then.
 */
export async function partnerLedger({ page, BASE_URL, check, partnerHref, orderId, lineId }) {
  // A link to one line opens its details even when it isn't on the page.
  await page.goto(`${BASE_URL}/app/affiliates/commissions?type=bonus&line=${lineId}`)
  await page.getByTestId("line-details").getByText(lineId, { exact: true }).waitFor({ timeout: 60_000 })
  check("a details link opens the line even when the list doesn't show it", true)

  // The link the list rendered: already under the admin's /app base.
  await page.goto(new URL(partnerHref, BASE_URL).href)
  const section = page.getByTestId("affiliate-ledger-section")
  const row = section.locator("tbody tr", { has: page.getByRole("link", { name: orderId }) })
  await row.waitFor({ timeout: 120_000 })
  await row.getByRole("button", { name: `Actions for ${lineId}` }).click()
  await page.getByRole("menuitem", { name: "Hold" }).click()
  const prompt = page.getByTestId("line-action-prompt")
  await prompt.getByText("Hold 1 line?").waitFor({ timeout: 30_000 })
  await prompt.getByRole("button", { name: "Hold" }).click()
  await page.getByText("1 line put on hold").first().waitFor({ timeout: 30_000 })
  await row.getByText("on hold", { exact: true }).waitFor({ timeout: 30_000 })
  check("the partner's ledger holds a line from its menu", true)

  await row.getByText("Program default (10%)").click()
  const drawer = page.getByTestId("line-details")
  await drawer.getByRole("button", { name: "Release" }).click()
  await prompt.getByRole("button", { name: "Release" }).click()
  await page.getByText("1 line released").first().waitFor({ timeout: 30_000 })
  await drawer.getByTestId("line-details-status").getByText("pending").waitFor({ timeout: 30_000 })
  await drawer.getByRole("button", { name: "Close" }).click()
  await drawer.waitFor({ state: "detached", timeout: 30_000 })
  await row.getByText("pending", { exact: true }).waitFor({ timeout: 30_000 })
  check("the partner's ledger releases it from the same drawer", true)
}
