// A partner signs up in the portal: the program's own question and terms,
// the verification email's link, the admin's approval (mode `approval`),
// then logs in. Also the signed-out screens: login, forgot / reset password.
export default async function signup({ page, api, token, portal, check, shot, settled, readEmail, onThisServer, approveIfPending }) {
  const run = Date.now().toString(36)
  const email = `signup-${run}@partners.test`
  const password = "partner-secret-1"

  // The program asks one question of its own and has terms to accept.
  await api("/admin/affiliate-settings", {
    token,
    method: "POST",
    body: {
      application_fields: [{ key: "traffic_source", label: "Main traffic source", type: "select", required: true, options: ["Blog", "YouTube", "Newsletter"] }],
      portal_terms: "1. Promote the store honestly: no spam, no brand bidding.\n2. Commission is paid on approved orders after the hold period.\n3. We may end the partnership at any time.",
    },
  })

  await page.goto(portal)
  await page.waitForURL(/\/partners\/login/)
  check("a signed-out visitor lands on the login screen", page.url().includes("/partners/login"))
  await shot("login")

  await page.getByRole("link", { name: "Become a partner" }).click()
  await page.locator("#fields\\.traffic_source").waitFor()
  check("the sign-up form shows the program's question", (await page.getByText("Main traffic source").count()) > 0)
  check("the sign-up form shows the terms", (await page.getByTestId("terms-text").innerText()).includes("Promote the store honestly"))
  await shot("signup")

  await page.locator("#email").fill(email)
  await page.locator("#password").fill(password)
  await page.locator("#name").fill(`Signup ${run}`)
  await page.locator("#fields\\.traffic_source").selectOption("YouTube")
  // Without accepting the terms: refused by the terms, nothing sent.
  await page.getByRole("button", { name: "Apply" }).click()
  await page.getByText("Accept the program terms to apply.").waitFor()
  check("the terms must be accepted", page.url().includes("/signup"))
  await page.locator("#accept-terms").click()
  await page.getByRole("button", { name: "Apply" }).click()
  await page.waitForURL(/\/partners\/check-email/, { timeout: 30_000 })
  check("after applying: check your email", (await page.getByText(email).count()) > 0)
  await shot("check-email")

  const { link } = await readEmail(email, "affiliate-verify-email")
  check("the verification email links to the portal", new URL(link).pathname === "/partners/verify-email")
  // The link asks the partner to log in first (only the login that signed up can confirm), then confirms.
  await page.goto(onThisServer(link))
  await page.getByTestId("verify-first").waitFor({ timeout: 30_000 })
  check("the link asks to log in first", page.url().includes("/login?next="))
  await page.locator("#email").fill(email)
  await page.locator("#password").fill(password)
  await page.getByRole("button", { name: "Log in" }).click()
  await page.getByTestId("verified").waitFor({ timeout: 30_000 })
  check("the link confirms the email", (await page.getByTestId("verified").count()) === 1)
  await shot("verify-email")
  // Used links don't work twice.
  await page.reload()
  await page.getByTestId("verify-error").waitFor({ timeout: 30_000 })
  check("a used link is refused", (await page.getByTestId("verified").count()) === 0)

  const affiliate = await approveIfPending(email)
  check("the partner is approved", affiliate.status === "active")
  check("the application keeps the answer", (await api(`/admin/affiliates/${affiliate.id}`, { token })).affiliate.application?.fields?.traffic_source === "YouTube")

  // A wrong password is shown by the field; the right one opens the dashboard.
  await page.goto(`${portal}/login`)
  await page.locator("#email").fill(email)
  await page.locator("#password").fill("not-the-password")
  await page.getByRole("button", { name: "Log in" }).click()
  await page.getByText("Wrong email or password.").waitFor()
  check("a wrong password says so", true)
  await page.locator("#password").fill(password)
  await page.getByRole("button", { name: "Log in" }).click()
  await page.getByTestId("partner-name").waitFor({ timeout: 30_000 })
  check("the partner is logged in", (await page.getByTestId("partner-name").innerText()) === `Signup ${run}`)
  await settled()
  await shot("dashboard-new")

  await page.goto(`${portal}/terms`)
  await page.getByTestId("terms-text").first().waitFor()
  check("the terms page shows the accepted terms", (await page.getByTestId("terms-accepted").count()) === 1)
  await shot("terms")

  // Log out, then the password screens.
  await page.getByRole("button", { name: "Log out" }).click()
  await page.waitForURL(/\/partners\/login/)
  await page.goto(`${portal}/`)
  await page.waitForURL(/\/partners\/login/)
  check("logged out: the portal asks to log in", true)
  await page.goto(`${portal}/forgot-password`)
  await page.locator("#email").fill(email)
  await page.getByRole("button", { name: "Send the link" }).click()
  await page.getByText("If the address has a partner account").waitFor()
  await shot("forgot-password")
  await page.goto(`${portal}/reset-password?token=not-a-token&email=${encodeURIComponent(email)}`)
  await page.locator("#password").waitFor()
  await shot("reset-password")
}
