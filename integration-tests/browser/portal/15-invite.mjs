// The admin invites a partner: the invitation email's link sets a password
// and opens the dashboard.
export default async function invite({ page, api, token, check, shot, settled, readEmail, onThisServer }) {
  const run = Date.now().toString(36)
  const email = `invited-${run}@partners.test`
  const { affiliate } = await api("/admin/affiliates", { token, method: "POST", body: { name: `Invited ${run}`, email } })
  await api(`/admin/affiliates/${affiliate.id}/invite`, { token, method: "POST", body: {} })
  const { link } = await readEmail(email, "affiliate-invitation")
  await page.goto(onThisServer(link))
  await page.locator("#password").waitFor({ timeout: 30_000 })
  check("the invitation names the partner", (await page.getByText(email).count()) > 0)
  await shot("accept-invite")
  await page.locator("#password").fill("invited-secret-1")
  await page.locator("#confirm").fill("invited-secret-1")
  await page.getByRole("button", { name: "Create my account" }).click()
  await page.getByTestId("partner-name").waitFor({ timeout: 30_000 })
  await settled()
  check("the invited partner is signed in", (await page.getByTestId("partner-name").innerText()) === `Invited ${run}`)
}
