// The program settings under Medusa's Settings and the commission rules:
// change a setting and see it kept after a reload, an invalid value answered
// by the API and shown by its field; create a product rule and a partner rule
// in the forms, see them after a reload and on the partner's page. Whatever it
// changes is put back at the end, so later scenarios see the demo program.
export default async function rulesAndSettings({ page, api, token, BASE_URL, check, shot }) {
  const { program_settings: before } = await api("/admin/affiliate-settings", { token })
  const createdRuleIds = []
  try {
    // ---- Settings ----
    await page.goto(`${BASE_URL}/app/settings/affiliates`)
    await page.getByTestId("affiliate-settings-form").waitFor({ timeout: 120_000 })
    const holdDays = page.getByLabel("Hold period (days)")
    check("the settings page shows the hold days in force", (await holdDays.inputValue()) === String(before.hold_days))
    check("the settings page has its sections", (await page.getByRole("heading", { name: "Fraud" }).count()) === 1)
    const newHold = before.hold_days === 14 ? 15 : 14
    await holdDays.fill(String(newHold))
    await page.getByRole("button", { name: "Save" }).first().click()
    await page.getByText("Settings saved").waitFor({ timeout: 30_000 })
    await page.reload()
    await page.getByTestId("affiliate-settings-form").waitFor({ timeout: 60_000 })
    check("the changed hold days are kept after a reload", (await page.getByLabel("Hold period (days)").inputValue()) === String(newHold))
    const { program_settings: saved, overrides } = await api("/admin/affiliate-settings", { token })
    check("the API has the new hold days", saved.hold_days === newHold)
    check("only the changed field was sent", !("attribution_window_days" in overrides) || overrides.attribution_window_days === before.attribution_window_days)

    // An out-of-range value: the API's message, under the field.
    await page.getByLabel("Attribution window (days)").fill("5000")
    await page.getByRole("button", { name: "Save" }).first().click()
    const windowError = page.getByTestId("setting-attribution_window_days-error")
    await windowError.waitFor({ timeout: 30_000 })
    check("the API's message is shown by the field", /attribution_window_days.*3650/.test(await windowError.innerText()))
    await shot("admin-settings")
    await page.getByLabel("Attribution window (days)").fill(String(before.attribution_window_days))

    // ---- Rules ----
    await page.goto(`${BASE_URL}/app/affiliates/rules`)
    await page.getByRole("heading", { name: "Commission rules" }).waitFor({ timeout: 120_000 })
    await page.getByTestId("rules-table").waitFor({ timeout: 30_000 })

    // A product rule, first with a rate the API refuses.
    await page.getByRole("button", { name: "Create rule" }).click()
    const modal = page.getByRole("dialog")
    await modal.getByText("Which rule applies").waitFor({ timeout: 30_000 })
    check("the form explains precedence", (await modal.getByText(/the most specific one wins/).count()) === 1)
    await modal.getByRole("radio").filter({ hasText: "One product, for every partner" }).click()
    await modal.getByPlaceholder("Search products by title or handle").fill("t-shirt")
    await modal.getByRole("option").filter({ hasText: "Medusa T-Shirt" }).first().click()
    await modal.getByLabel("Rate (%)").fill("150")
    await modal.getByRole("button", { name: "Create rule" }).click()
    const rateError = modal.getByTestId("field-rate-error")
    await rateError.waitFor({ timeout: 30_000 })
    check("an out-of-range rate shows the API's message by the field", /rate.*100/.test(await rateError.innerText()))
    await rateError.scrollIntoViewIfNeeded()
    await shot("admin-rule-form")
    await modal.getByLabel("Rate (%)").fill("15")
    await modal.getByRole("button", { name: "Create rule" }).click()
    await page.getByText("Rule created").waitFor({ timeout: 30_000 })
    await modal.waitFor({ state: "detached", timeout: 30_000 })

    // A partner rule (a rate override for Ada).
    await page.getByRole("button", { name: "Create rule" }).click()
    await modal.getByText("Which rule applies").waitFor({ timeout: 30_000 })
    await modal.getByRole("radio").filter({ hasText: "Everything one partner sells" }).click()
    await modal.getByPlaceholder("Search partners by name or email").fill("ada")
    await modal.getByRole("option").filter({ hasText: "Ada Lovelace" }).first().click()
    await modal.getByLabel("Rate (%)").fill("12")
    await modal.getByRole("button", { name: "Create rule" }).click()
    await page.getByText("Rule created").first().waitFor({ timeout: 30_000 })
    await modal.waitFor({ state: "detached", timeout: 30_000 })

    const { commission_rules: rules } = await api("/admin/affiliate-rules?limit=100", { token })
    const productRule = rules.find((rule) => rule.scope === "product" && rule.rate === 15)
    const partnerRule = rules.find((rule) => rule.scope === "affiliate" && rule.rate === 12)
    for (const rule of [productRule, partnerRule]) if (rule) createdRuleIds.push(rule.id)
    check("the product rule was saved", !!productRule)
    check("the partner rule was saved", !!partnerRule)

    await page.reload()
    const table = page.getByTestId("rules-table")
    await table.getByText("Medusa T-Shirt").first().waitFor({ timeout: 60_000 })
    check("after a reload the product rule is listed", (await table.getByRole("row").filter({ hasText: "Medusa T-Shirt" }).filter({ hasText: "15%" }).count()) === 1)
    check("after a reload the partner rule is listed", (await table.getByRole("row").filter({ hasText: "Ada Lovelace" }).filter({ hasText: "12%" }).count()) === 1)

    // Editing is a drawer with the same form.
    if (partnerRule) {
      const row = page.getByTestId(`rule-${partnerRule.id}`)
      await row.getByRole("button", { name: "Rule actions" }).click()
      await page.getByRole("menuitem", { name: "Edit" }).click()
      const drawer = page.getByRole("dialog")
      await drawer.getByRole("heading", { name: "Edit rule" }).waitFor({ timeout: 30_000 })
      await drawer.getByLabel("Rate (%)").fill("13")
      await drawer.getByRole("button", { name: "Save" }).click()
      await page.getByText("Rule saved").waitFor({ timeout: 30_000 })
      await row.getByText("13%").waitFor({ timeout: 30_000 })
      check("the drawer saves an edited rate", true)
    }

    // The scope filter lives in the URL.
    await page.goto(`${BASE_URL}/app/affiliates/rules?scope=affiliate`)
    await table.getByText("Ada Lovelace").first().waitFor({ timeout: 30_000 })
    check("the scope filter from the URL narrows the list", (await table.getByText("Medusa T-Shirt").count()) === 0)
    await page.goto(`${BASE_URL}/app/affiliates/rules`)
    await table.getByText("Medusa T-Shirt").first().waitFor({ timeout: 30_000 })
    await shot("admin-rules")

    // The partner's page shows their own rule.
    if (partnerRule) {
      await page.goto(`${BASE_URL}/app/affiliates/${partnerRule.affiliate_id}`)
      const section = page.getByTestId("affiliate-rules-section")
      await section.getByText("13%").waitFor({ timeout: 120_000 })
      check("the partner page lists the partner's own rule", (await section.getByText("13%").count()) === 1)
      await section.scrollIntoViewIfNeeded()
      await shot("admin-affiliate-rules-section")
    }

    // Deleting asks first.
    if (productRule) {
      await page.goto(`${BASE_URL}/app/affiliates/rules?scope=product`)
      const row = page.getByTestId(`rule-${productRule.id}`)
      await row.waitFor({ timeout: 30_000 })
      await row.getByRole("button", { name: "Rule actions" }).click()
      await page.getByRole("menuitem", { name: "Delete" }).click()
      await page.getByText("Delete this rule?").waitFor({ timeout: 10_000 })
      await page.getByRole("button", { name: "Delete" }).click()
      await page.getByText("Rule deleted").waitFor({ timeout: 30_000 })
      await row.waitFor({ state: "detached", timeout: 30_000 })
      check("a rule is deleted after the prompt", true)
    }
  } finally {
    // Put the program back as the demo had it.
    for (const id of createdRuleIds) {
      await api(`/admin/affiliate-rules/${id}`, { token, method: "DELETE" }).catch(() => {})
    }
    await api("/admin/affiliate-settings", {
      token,
      method: "POST",
      body: { hold_days: before.hold_days, attribution_window_days: before.attribution_window_days },
    }).catch(() => {})
  }
}
