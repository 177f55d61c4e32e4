// What the partner portal's browser scenarios share: screenshots at desktop
// and phone widths, the emails the server sent (read from its database),
// signing a partner up by API and logging them in through the UI.
import path from "node:path"
import pg from "pg"
import { placeReferredOrder } from "./support.mjs"

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }
export const PARTNER_PASSWORD = "partner-secret-1"

export function portalContext({ page, api, token, BASE_URL, check, shots, databaseUrl }) {
  const portal = `${BASE_URL}/partners`

  /** The newest email of `template` to `to`, as the Notification Module stored it (waits for it). */
  async function readEmail(to, template, { timeoutMs = 30_000 } = {}) {
    const url = databaseUrl()
    if (!url) throw new Error("no database to read emails from: run with the server this script starts, or set DATABASE_URL")
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const { rows } = await client.query(
          `SELECT data FROM notification WHERE "to"=$1 AND template=$2 ORDER BY created_at DESC LIMIT 1`,
          [to, template]
        )
        if (rows.length) return typeof rows[0].data === "string" ? JSON.parse(rows[0].data) : rows[0].data
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      throw new Error(`no ${template} email to ${to} within ${timeoutMs / 1000}s`)
    } finally {
      await client.end()
    }
  }

  /** An email's link, opened on this server (the email's origin is `portal.url`, maybe another port). */
  const onThisServer = (link) => {
    const url = new URL(link)
    return `${BASE_URL}${url.pathname}${url.search}`
  }

  /** The partner's affiliate as the admin sees it. */
  async function affiliateByEmail(email) {
    const { affiliates } = await api(`/admin/affiliates?email=${encodeURIComponent(email)}`, { token })
    const affiliate = affiliates.find((a) => a.email === email)
    if (!affiliate) throw new Error(`no affiliate ${email}`)
    return affiliate
  }

  /** The admin approves a pending partner (registration mode `approval`). */
  async function approveIfPending(email) {
    const affiliate = await affiliateByEmail(email)
    if (affiliate.status === "pending") await api(`/admin/affiliates/${affiliate.id}/approve`, { token, method: "POST", body: {} })
    return affiliateByEmail(email)
  }

  /**
   * A partner signed up the way the portal does it (login, application with
   * the program's required fields and terms, the emailed verification link),
   * approved by the admin. Returns the admin's view of the affiliate.
   */
  async function signUpPartner({ email, name, password = PARTNER_PASSWORD }) {
    const { token: login } = await api("/auth/affiliate/emailpass/register", { method: "POST", body: { email, password } })
    const { program } = await api("/affiliate-account/program")
    const fields = {}
    for (const field of program.application_fields) {
      if (field.required) fields[field.key] = field.type === "checkbox" ? true : field.options?.[0] ?? "browser test"
    }
    await api("/affiliate-account/register", {
      method: "POST",
      token: login,
      body: {
        name,
        ...(program.application_fields.length ? { fields } : {}),
        ...(program.terms ? { terms_version: program.terms.version } : {}),
      },
    })
    const { link } = await readEmail(email, "affiliate-verify-email")
    // Only the login that signed up can use the link: log in again for a token that carries the partner.
    const { token: session } = await api("/auth/affiliate/emailpass", { method: "POST", body: { email, password } })
    await api("/affiliate-account/verify-email", { method: "POST", token: session, body: { token: new URL(link).searchParams.get("token") } })
    return approveIfPending(email)
  }

  /** Logs in through the portal's form and waits for the dashboard. */
  async function logIn(email, password = PARTNER_PASSWORD) {
    await page.goto(`${portal}/login`)
    await page.locator("#email").fill(email)
    await page.locator("#password").fill(password)
    await page.locator('form button[type="submit"]').click()
    await page.getByTestId("partner-name").waitFor({ timeout: 30_000 })
  }

  /**
   * Saves the page as .screenshots/portal-<name>-desktop.png and, at 390 px
   * wide, portal-<name>-phone.png; look at them.
   */
  async function shot(name) {
    const size = page.viewportSize() ?? DESKTOP
    // Toasts would cover the header in every picture.
    const hideToasts = await page.addStyleTag({ content: "[data-sonner-toaster]{display:none!important}" }).catch(() => null)
    await page.setViewportSize(DESKTOP)
    await page.waitForTimeout(200)
    await page.screenshot({ path: path.join(shots, `portal-${name}-desktop.png`), fullPage: true })
    await page.setViewportSize(PHONE)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(shots, `portal-${name}-phone.png`), fullPage: true })
    await page.setViewportSize(size)
    await hideToasts?.evaluate((style) => style.remove()).catch(() => {})
  }

  /** Waits for a page's content: no loading indicator left. */
  async function settled() {
    await page.waitForLoadState("networkidle").catch(() => {})
    await page.getByRole("status").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => {})
  }

  return {
    page,
    api,
    token,
    BASE_URL,
    portal,
    check,
    shot,
    settled,
    readEmail,
    onThisServer,
    affiliateByEmail,
    approveIfPending,
    signUpPartner,
    logIn,
    placeReferredOrder: (options) => placeReferredOrder(api, token, options),
  }
}
