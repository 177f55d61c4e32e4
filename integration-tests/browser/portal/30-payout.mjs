// The admin pays a partner (API); the partner sees the payout with the
// lines it settled, after entering payout details in the profile.
export default async function payout({ page, api, token, portal, check, shot, settled, signUpPartner, logIn, placeReferredOrder }) {
  const run = Date.now().toString(36)
  const email = `payee-${run}@partners.test`
  const code = `PORTAL${run.toUpperCase()}`
  const affiliate = await signUpPartner({ email, name: `Payee ${run}` })
  await api(`/admin/affiliates/${affiliate.id}/codes`, { token, method: "POST", body: { code } })
  const orderId = await placeReferredOrder({ code, email: `payout-shopper-${run}@example.com` })
  const { commission_lines } = await api(`/admin/affiliate-commissions?order_id=${orderId}`, { token })
  await api("/admin/affiliate-commissions/approve", { token, method: "POST", body: { ids: commission_lines.map((l) => l.id), reason: "browser test" } })
  const { program_settings } = await api("/admin/affiliate-settings", { token })
  const minimums = program_settings.minimum_payout
  const minimum = typeof minimums === "number" ? minimums : Number(minimums?.usd ?? minimums?.USD ?? 0)
  const amount = Math.max(30, Math.ceil(minimum) + 10)
  await api(`/admin/affiliates/${affiliate.id}/adjustments`, {
    token,
    method: "POST",
    body: { type: "bonus", amount: amount - 2, currency_code: "usd", reason: "browser test bonus", status: "approved" },
  })

  await logIn(email)
  // Payout details in the profile: entered in full, shown masked.
  await page.goto(`${portal}/profile`)
  const details = page.getByTestId("payout-details")
  await details.getByRole("button", { name: "Edit" }).click()
  await page.locator("#payout-method").selectOption("bank_transfer")
  await page.locator("#payout-account_holder_name").fill(`Payee ${run}`)
  await page.locator("#payout-iban").fill("DE89 3704 0044 0532 0130 01")
  await page.locator("#payout-bank_name").fill("Commerzbank")
  await page.locator("#payout-country").fill("DE")
  await details.getByRole("button", { name: "Save" }).click()
  await page.locator("#payout-iban-error").waitFor()
  check("a wrong IBAN is shown by its field", (await page.locator("#payout-iban-error").innerText()).includes("iban"))
  await page.locator("#payout-iban").fill("DE89 3704 0044 0532 0130 00")
  await details.getByRole("button", { name: "Save" }).click()
  await details.getByText("•••• 3000").waitFor({ timeout: 15_000 })
  check("payout details are shown masked", (await details.getByText("DE89370400440532013000").count()) === 0)
  await settled()
  await shot("profile")

  const { payout } = await api(`/admin/affiliates/${affiliate.id}/payouts`, {
    token,
    method: "POST",
    body: { currency_code: "usd", amount, provider_id: "manual", external_reference: `BT-${run}` },
  })
  check("the admin paid the partner", !!payout?.id)

  await page.goto(`${portal}/payouts`)
  await page.getByTestId("payouts-table").waitFor({ timeout: 30_000 })
  check("the payout is listed", (await page.getByTestId("payouts-table").getByText(`BT-${run}`).count()) === 1)
  await shot("payouts")
  await page.getByTestId("payouts-table").getByRole("link", { name: "Details" }).first().click()
  await page.getByTestId("payout-lines").waitFor({ timeout: 30_000 })
  const lines = await page.getByTestId("payout-lines").getByRole("row").count()
  check("the payout shows the lines it settled (the sale and the bonus)", lines >= 3)
  await shot("payout")

  await page.goto(`${portal}/earnings`)
  await page.getByTestId("balance").first().waitFor()
  await shot("earnings-paid")
}
