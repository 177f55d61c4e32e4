// The partner screens (G1, G2): the list with its filters and money sorts in
// the URL, creating a partner with a code and payout details in the focus
// modal (an API refusal shown by its field), approving it behind a
// confirmation, editing its profile in a drawer, and its codes, links and
// audit trail on the partner page.
export default async function partners({ page, api, token, BASE_URL, check, shot }) {
  const run = Date.now()
  // An internal channel (B4), for the internal / external filter.
  await api("/admin/affiliates", {
    token,
    method: "POST",
    body: { name: `Newsletter team ${run}`, email: `newsletter-${run}@example.com`, is_internal: true, status: "active" },
  })

  await page.goto(`${BASE_URL}/app/affiliates?type=internal`)
  await page.getByText(`newsletter-${run}@example.com`).waitFor({ timeout: 120_000 })
  check("the internal filter shows internal channels", (await page.getByText("ada@example.com").count()) === 0)
  check("an internal channel is flagged", (await page.getByText("Internal", { exact: true }).count()) > 0)

  await page.goto(`${BASE_URL}/app/affiliates?type=external&order=-earnings`)
  await page.getByText("ada@example.com").waitFor({ timeout: 60_000 })
  check("the external filter leaves internal channels out", (await page.getByText(`newsletter-${run}@example.com`).count()) === 0)
  check("the sort is read from the URL", (await page.getByRole("combobox", { name: "Sort by" }).innerText()).includes("Earnings"))
  check("the list shows earnings and balance due", (await page.getByRole("columnheader", { name: "Balance due" }).count()) === 1)
  await shot("admin-partners-list")

  // Create a partner with a first code and payout details.
  const email = `katherine-${run}@example.com`
  const code = `KJ${String(run).slice(-6)}`
  await page.getByRole("button", { name: "Create partner" }).click()
  await page.getByRole("heading", { name: "Create partner" }).waitFor({ timeout: 30_000 })
  await page.locator("#create-name").fill("Katherine Johnson")
  await page.locator("#create-email").fill(email)
  await page.locator("#create-company").fill("NACA")
  await page.locator("#create-website").fill("not a website")
  await page.locator("#create-commission_rate").fill("12.5")
  await page.locator("#create-status").click()
  await page.getByRole("option", { name: "Pending" }).click()
  await page.locator("#create-code").fill(code)
  await page.locator("#create-payout-method").click()
  await page.getByRole("option", { name: "PayPal" }).click()
  await page.locator("#create-payout-email").fill(`katherine-${run}@pay.example.com`)
  await page.getByRole("button", { name: "Create", exact: true }).click()
  await page.getByTestId("error-create-website").waitFor({ timeout: 30_000 })
  check("the API's refusal is shown by its field", (await page.getByTestId("error-create-website").innerText()).includes("website"))
  await shot("admin-partner-create")
  await page.locator("#create-website").fill("https://katherine.example.com")
  check("editing the field clears its error", (await page.getByTestId("error-create-website").count()) === 0)
  await page.getByRole("button", { name: "Create", exact: true }).click()

  // The new partner's page.
  await page.waitForURL(/\/app\/affiliates\/aff_/, { timeout: 60_000 })
  await page.getByRole("heading", { name: "Katherine Johnson" }).waitFor({ timeout: 120_000 })
  const codes = page.getByTestId("partner-codes")
  await codes.getByText(code, { exact: true }).waitFor({ timeout: 30_000 })
  check("the first code was created with the partner", true)
  check("the payout details show masked", (await page.getByTestId("partner-payout-details").getByText("PayPal").count()) > 0)
  check("the partner starts pending", (await page.getByText("pending", { exact: true }).count()) > 0)

  // Approve behind the confirmation.
  await page.getByRole("button", { name: "approve", exact: true }).click()
  await page.getByRole("alertdialog").waitFor({ timeout: 30_000 })
  await page.getByRole("alertdialog").getByRole("textbox", { name: "Reason" }).fill("Verified her site")
  await page.getByRole("button", { name: "Yes, approve" }).click()
  await page.getByRole("button", { name: "suspend", exact: true }).waitFor({ timeout: 30_000 })
  check("approving makes the partner active", (await page.getByText("active", { exact: true }).count()) > 0)

  // A second code through the drawer.
  await codes.getByRole("button", { name: "Create code" }).click()
  await page.locator("#code-code").fill(`${code}B`)
  await page.locator("#code-aliases").fill(`${code}-ALT`)
  await page.getByRole("dialog").getByRole("button", { name: "Create", exact: true }).click()
  await codes.getByText(`${code}B`, { exact: true }).waitFor({ timeout: 30_000 })
  check("a code created in the drawer shows with its alias", (await codes.getByText(`${code}-ALT`).count()) > 0)

  // Edit the profile in the drawer.
  await page.getByRole("button", { name: "Edit" }).first().click()
  await page.locator("#edit-company").waitFor({ timeout: 30_000 })
  await page.locator("#edit-company").fill("NASA Langley")
  await page.locator("#edit-commission_rate").fill("15")
  await shot("admin-partner-edit")
  await page.getByRole("button", { name: "Save" }).click()
  await page.getByText("NASA Langley").waitFor({ timeout: 30_000 })
  check("the edited company is saved", (await page.getByText("NASA Langley").count()) > 0)
  check("the edited rate is saved", (await page.getByTestId("partner-rate").innerText()).trim() === "15%")
  const id = page.url().split("/").pop()
  const { affiliate } = await api(`/admin/affiliates/${id}?fields=id,company,commission_rate`, { token })
  check("the API has the edit", affiliate.company === "NASA Langley" && affiliate.commission_rate === 15)

  // A link with a sub-id, through the drawer.
  const links = page.getByTestId("partner-links")
  await links.getByRole("button", { name: "Create link" }).click()
  await page.locator("#link-sub_id").fill("newsletter")
  await page.locator("#link-utm_campaign").fill("launch")
  await page.getByRole("dialog").getByRole("button", { name: "Create", exact: true }).click()
  await links.getByText(`/r/${code}/newsletter`).waitFor({ timeout: 30_000 })
  check("the link shows with its sub-id", true)

  // The audit trail tells what happened.
  const audit = page.getByTestId("partner-audit")
  await audit.getByText("Status changed").waitFor({ timeout: 30_000 })
  check("the audit trail shows the approval with its reason", (await audit.getByText("Verified her site").count()) > 0)
  check("the audit trail shows the profile change", (await audit.getByText("Profile changed").count()) > 0)
  check("the audit trail shows the creation", (await audit.getByText("Partner created").count()) > 0)
  // The page from its top, once the toasts and drawers are gone.
  await page.getByRole("heading", { name: "Katherine Johnson" }).scrollIntoViewIfNeeded()
  await page.waitForTimeout(6_000)
  await shot("admin-partner-page")

  // A self-registered partner (pending, no code) approved gets a code at once.
  const { affiliate: pending } = await api("/admin/affiliates", {
    token,
    method: "POST",
    body: { name: `Mary Jackson`, email: `mary-${run}@example.com`, status: "pending" },
  })
  await page.goto(`${BASE_URL}/app/affiliates/${pending.id}`)
  await page.getByRole("button", { name: "approve", exact: true }).click()
  await page.getByRole("button", { name: "Yes, approve" }).click()
  await page.getByTestId("partner-codes").getByText(/^MARY\d*$/).waitFor({ timeout: 30_000 })
  check("an approved partner without a code gets one from the name", true)
}
