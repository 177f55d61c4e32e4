// The Payouts screen (G4, F2-F4): a partner with an approved balance over the
// minimum (a referred order's line approved, plus a bonus), paid from the pay
// drawer with a changed amount after the confirmation; the payout with its
// lines in the details drawer, marked paid; an API refusal shown as a toast;
// then a batch for every eligible partner, and its bank CSV downloaded.
import fs from "node:fs"

export default async function payouts({ page, api, token, BASE_URL, check, shot, placeReferredOrder }) {
  const run = Date.now().toString(36).toUpperCase()
  const { program_settings } = await api("/admin/affiliate-settings", { token })
  const minimums = program_settings.minimum_payout
  const minimum = typeof minimums === "number" ? minimums : Number(minimums?.usd ?? minimums?.USD ?? 0)

  // A partner paid through the sandbox provider, which holds "+async" payouts in processing:
  // so the payout can be marked paid from the admin.
  const partner = async (name, email, code) => {
    const { affiliate } = await api("/admin/affiliates", { token, method: "POST", body: { name, email, status: "active" } })
    if (code) await api(`/admin/affiliates/${affiliate.id}/codes`, { token, method: "POST", body: { code } })
    return affiliate
  }
  const bonus = (id, amount) =>
    api(`/admin/affiliates/${id}/adjustments`, {
      token,
      method: "POST",
      body: { type: "bonus", amount, currency_code: "usd", reason: "browser test bonus", status: "approved" },
    })
  const name = `Payee ${run}`
  const payee = await partner(name, `payee+async-${run.toLowerCase()}@example.com`, `PAY${run}`)
  const orderId = await placeReferredOrder({ code: `PAY${run}` })
  const { commission_lines } = await api(`/admin/affiliate-commissions?order_id=${orderId}`, { token })
  await api("/admin/affiliate-commissions/approve", {
    token,
    method: "POST",
    body: { ids: commission_lines.map((line) => line.id), reason: "browser test" },
  })
  // The sale line is $2 (10% of $20); a bonus brings it to $30, or over the USD minimum.
  const total = Math.max(30, Math.ceil(minimum) + 10)
  await bonus(payee.id, total - 2)

  // Balances due: the partner, at or over the minimum.
  await page.goto(`${BASE_URL}/app/affiliates/payouts`)
  await page.getByRole("heading", { name: "Payouts" }).waitFor({ timeout: 120_000 })
  const dueRow = page.getByTestId("due-row").filter({ hasText: name })
  await dueRow.waitFor({ timeout: 60_000 })
  check("the partner's balance is due", (await dueRow.getByText(`$${total}.00`).count()) > 0)
  check("the sidebar lists Payouts under Affiliates", (await page.getByRole("link", { name: "Payouts" }).count()) > 0)
  await shot("admin-payouts")

  // The pay drawer: the amount defaults to the balance; pay less, through the sandbox.
  await dueRow.getByRole("button", { name: `Pay ${name}` }).click()
  const drawer = page.getByTestId("pay-drawer")
  await drawer.waitFor()
  const amountInput = drawer.locator("#pay-amount")
  check("the amount defaults to the balance", Number(await amountInput.inputValue()) === total)
  await amountInput.fill(String(total + 5))
  await drawer.getByRole("button", { name: "Review payment" }).click()
  await drawer.getByTestId("pay-amount-error").waitFor()
  check("more than the balance is refused by the field", (await drawer.getByTestId("pay-amount-error").innerText()).includes("At most"))
  const amount = total - 10
  await amountInput.fill(String(amount))
  await drawer.getByRole("combobox", { name: "Method" }).click()
  await page.getByRole("option", { name: "sandbox" }).click()
  await drawer.locator("#pay-reference").fill(`TX-${run}`)
  await drawer.locator("#pay-note").fill("Paid from the browser test")
  await shot("admin-payout-drawer")
  await drawer.getByRole("button", { name: "Review payment" }).click()
  const confirm = page.getByRole("alertdialog")
  await confirm.waitFor()
  const confirmText = await confirm.innerText()
  check("the confirmation names the partner", confirmText.includes(name))
  check("the confirmation states the changed amount and currency", confirmText.includes(`$${amount}.00`) && confirmText.includes("USD"))
  check("the confirmation states the method", confirmText.includes("sandbox"))
  await shot("admin-payout-confirm")
  await confirm.getByRole("button", { name: `Pay $${amount}.00` }).click()
  await page.getByText(`$${amount}.00 to ${name} via sandbox (processing)`).waitFor({ timeout: 30_000 })
  check("the toast says what was paid", true)
  await drawer.waitFor({ state: "hidden" })

  // The history, filtered to the partner in the URL; the payout's details with its lines.
  await page.goto(`${BASE_URL}/app/affiliates/payouts?tab=history&affiliate=${payee.id}`)
  const row = page.getByTestId("payout-row").filter({ hasText: `$${amount}.00` })
  await row.waitFor({ timeout: 30_000 })
  check("the history shows one payout for the partner", (await page.getByTestId("payout-row").count()) === 1)
  await row.click()
  const details = page.getByTestId("payout-details-drawer")
  await details.getByText("Commission lines settled").waitFor({ timeout: 30_000 })
  await details.getByTestId("payout-lines").locator("tbody tr").first().waitFor()
  const lineRows = await details.getByTestId("payout-lines").locator("tbody tr").count()
  check("the details list the lines the payout settled", lineRows >= 1 && (await details.getByText("No lines.").count()) === 0)
  check("the details show the sale line it settled", (await details.getByText("sale", { exact: true }).count()) > 0)
  check("the details show the note", (await details.getByText("Paid from the browser test").count()) > 0)
  check("the details show the provider's status", (await details.getByTestId("payout-status").getAttribute("data-status")) === "processing")
  await shot("admin-payout-details")

  // Mark it paid, after a confirmation.
  await details.getByRole("button", { name: "Mark paid" }).click()
  await details.locator("#payout-reference").fill(`BANK-${run}`)
  await details.getByRole("button", { name: "Confirm: Mark paid" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark paid" }).click()
  await page.getByText(`to ${name} marked paid`).waitFor({ timeout: 30_000 })
  await details.locator('[data-testid="payout-status"][data-status="paid"]').waitFor({ timeout: 30_000 })
  check("the payout is marked paid", (await details.getByText(`BANK-${run}`).count()) > 0)
  await page.keyboard.press("Escape")
  await details.waitFor({ state: "hidden" })

  // An API refusal is a toast, not a blank page: the balance drops (another admin pays)
  // while the drawer is open, then the old amount is more than the balance.
  await page.goto(`${BASE_URL}/app/affiliates/payouts`)
  await dueRow.waitFor({ timeout: 30_000 })
  await dueRow.getByRole("button", { name: `Pay ${name}` }).click()
  await drawer.waitFor()
  await api(`/admin/affiliates/${payee.id}/payouts`, {
    token,
    method: "POST",
    body: { currency_code: "usd", amount: 5, provider_id: "manual", external_reference: "elsewhere" },
  })
  await drawer.getByRole("button", { name: "Review payment" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Pay $10.00" }).click()
  await page.getByText("exceeds the available balance").first().waitFor({ timeout: 30_000 })
  check("an API error shows as a toast", (await page.getByText("exceeds the available balance").count()) > 0)
  check("the refusal is shown by the amount too", (await drawer.getByTestId("pay-amount-error").count()) > 0)
  await page.keyboard.press("Escape")
  await drawer.waitFor({ state: "hidden" })
  check("the page is still there", (await page.getByTestId("due-table").count()) > 0)

  // Another balance, then a batch for every eligible partner.
  const second = await partner(`Batchee ${run}`, `batchee-${run.toLowerCase()}@example.com`)
  await bonus(second.id, Math.max(25, Math.ceil(minimum) + 5))
  await page.getByRole("button", { name: "Run batch payout" }).click()
  const batchDrawer = page.getByTestId("batch-drawer")
  await batchDrawer.waitFor()
  await batchDrawer.getByRole("combobox", { name: "Batch currency" }).click()
  await page.getByRole("option", { name: "USD" }).click()
  await batchDrawer.getByTestId("batch-eligible").getByText(`Batchee ${run}`).waitFor({ timeout: 30_000 })
  check("the batch lists the first partner's remaining $5", (await batchDrawer.getByTestId("batch-eligible").getByText(name, { exact: true }).count()) > 0)
  const totalText = await batchDrawer.getByTestId("batch-total").innerText()
  check("the batch shows how many and the total", /partner\(s\), total \$/.test(totalText))
  await batchDrawer.locator("#batch-note").fill(`Batch ${run}`)
  await batchDrawer.getByRole("button", { name: "Review batch" }).click()
  const batchConfirm = page.getByRole("alertdialog")
  await batchConfirm.waitFor()
  check("the batch confirmation states the total", (await batchConfirm.innerText()).includes(totalText.split("total ")[1]))
  await batchConfirm.getByRole("button", { name: /^Pay / }).click()
  const batchDetails = page.getByTestId("batch-details-drawer")
  await batchDetails.getByText(`Batchee ${run}`).waitFor({ timeout: 60_000 })
  check("the batch paid both partners", (await batchDetails.getByText(name, { exact: true }).count()) > 0)
  await shot("admin-payout-batch")

  // PayPal: nobody here has PayPal details, so a 409 names them, as a toast.
  await batchDetails.getByRole("button", { name: "PayPal CSV" }).click()
  await page.getByText("have no paypal payout details").first().waitFor({ timeout: 30_000 })
  check("a refused export shows as a toast", true)

  // Bank: with bank details set for everyone in the batch, the file downloads.
  const batchId = new URL(page.url()).searchParams.get("batch_detail")
  const { payout_batch } = await api(`/admin/affiliate-payout-batches/${batchId}`, { token })
  for (const payout of payout_batch.payouts) {
    await api(`/admin/affiliates/${payout.affiliate_id}/payout-details`, {
      token,
      method: "POST",
      body: {
        method: "bank_transfer",
        account_holder_name: "Browser Test",
        account_number: "123456789",
        routing_number: "021000021",
        bank_name: "Test Bank",
        country: "US",
      },
    })
  }
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    batchDetails.getByRole("button", { name: "Bank CSV" }).click(),
  ])
  const csv = fs.readFileSync(await download.path(), "utf8")
  check("the bank CSV is named for its layout", download.suggestedFilename().includes("bank"))
  check("the bank CSV has a row per payout of the batch", csv.trim().split("\n").length === payout_batch.payouts.length + 1)
  check("the bank CSV names the batch's partner", csv.includes("123456789"))

  // The partner page: the payouts history opens the same details drawer, and Pay
  // opens the same drawer (nothing is paid on one click).
  await bonus(second.id, 7)
  await page.goto(`${BASE_URL}/app/affiliates/${second.id}`)
  const section = page.getByTestId("affiliate-payouts-section")
  await section.getByTestId("payout-row").first().waitFor({ timeout: 120_000 })
  check("the partner page lists the partner's payouts", (await section.getByTestId("payout-row").count()) === 1)
  await section.getByTestId("payout-row").first().click()
  await details.getByText("Commission lines settled").waitFor({ timeout: 30_000 })
  check("the partner page opens the payout's details", (await details.getByTestId("payout-lines").locator("tbody tr").count()) >= 1)
  await page.keyboard.press("Escape")
  await details.waitFor({ state: "hidden" })
  await page.getByRole("button", { name: "Pay…" }).first().click()
  await drawer.waitFor()
  check("the partner page's Pay opens the pay drawer with the balance", Number(await drawer.locator("#pay-amount").inputValue()) === 7)
  await page.keyboard.press("Escape")
  await drawer.waitFor({ state: "hidden" })
  const { balances } = await api(`/admin/affiliates/${second.id}/balances`, { token })
  check("opening the drawer paid nothing", balances.find((b) => b.currency_code === "usd")?.available === 7)
}
