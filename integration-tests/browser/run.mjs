// `npm run test:browser`: drives the admin's Affiliates screens and the
// partner portal in a real Chromium (Debian's, at /usr/bin/chromium, or
// CHROMIUM_PATH) against the development store on a fresh database, and saves
// a screenshot of every screen in .screenshots/ (`--update-docs` copies them
// to docs/screenshots/).
//
// Scenarios are modules run in name order; a failing one is reported and the
// next one still runs. ./admin/ ones share one logged-in admin page; each
// ./portal/ one gets a fresh, logged-out browser context (1280×800; its
// `shot` also captures the phone width, 390×844).
//   BASE_URL=http://localhost:9000  use a running server instead of starting one
//                                   (with DATABASE_URL for the portal's email reads)
//   BROWSER_ONLY=payouts            run only scenarios whose "folder/file" contains this
//                                   (BROWSER_ONLY=portal: the portal's)
//   BROWSER_PORT=9100               the port of the server this script starts
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"
import { stopProcessTree } from "../../scripts/processes.mjs"
import { ADMIN, makeApi, placeReferredOrder, waitForHealth } from "./support.mjs"
import { portalContext } from "./portal-support.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "../..")
// Dot folders: `medusa develop` restarts on any other file written in the project.
const shots = path.join(root, ".screenshots")
const port = Number(process.env.BROWSER_PORT ?? 9000)
const BASE_URL = process.env.BASE_URL ?? `http://localhost:${port}`
const only = process.env.BROWSER_ONLY
const api = makeApi(BASE_URL)

let server = null
let browser = null
let dataDir = null
// The dev server's database, for what only the database knows (emails sent).
let databaseUrl = process.env.DATABASE_URL ?? null
const failures = []
const check = (name, ok) => {
  console.log(`${ok ? "ok" : "FAIL"} - ${name}`)
  if (!ok) failures.push(name)
}

try {
  if (!process.env.BASE_URL) {
    // A fresh database for every run, thrown away afterwards.
    dataDir = path.join(root, ".browser-data", `run-${Date.now()}`)
    server = spawn(process.execPath, [path.join(root, "scripts", "dev.mjs")], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", DEV_DATA_DIR: dataDir, PORT: String(port) },
    })
    // Passed through, and read for the embedded cluster's port ("embedded PostgreSQL on port N").
    server.stderr.on("data", (chunk) => {
      process.stderr.write(chunk)
      const port = String(chunk).match(/embedded PostgreSQL on port (\d+)/)?.[1]
      if (port) databaseUrl = `postgres://postgres:postgres@localhost:${port}/medusa_affiliate_dev`
    })
  }
  await waitForHealth(BASE_URL, 300_000)
  const { token } = await api("/auth/user/emailpass", { method: "POST", body: ADMIN })

  fs.mkdirSync(shots, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
  const pick = (folder) =>
    fs
      .readdirSync(path.join(here, folder))
      .filter((file) => file.endsWith(".mjs") && (!only || `${folder}/${file}`.includes(only)))
      .sort()
  const run = async (folder, file, context) => {
    console.log(`# ${folder}/${file}`)
    try {
      const scenario = await import(path.join(here, folder, file))
      await scenario.default(context)
    } catch (e) {
      console.error(e)
      await context.page.screenshot({ path: path.join(shots, `failure-${folder}-${path.basename(file, ".mjs")}.png`), fullPage: true }).catch(() => {})
      failures.push(`${folder}/${file}: ${String(e?.message ?? e).split("\n")[0]}`)
    }
  }

  const adminScenarios = pick("admin")
  if (adminScenarios.length) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })

    // In development the admin is compiled on first request: allow for it.
    await page.goto(`${BASE_URL}/app/login`, { timeout: 240_000 })
    await page.locator('input[name="email"]').waitFor({ timeout: 240_000 })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.getByRole("button", { name: /continue/i }).click()
    await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })

    const context = {
      page,
      api,
      token,
      BASE_URL,
      check,
      /** Saves a full-page screenshot as .screenshots/<name>.png; look at it. */
      shot: (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true }),
      placeReferredOrder: (options) => placeReferredOrder(api, token, options),
    }
    for (const file of adminScenarios) await run("admin", file, context)
    await page.close()
  }

  for (const file of pick("portal")) {
    // A fresh, logged-out browser for each: no cookie or saved language carries over.
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: "en-US" })
    const page = await browserContext.newPage()
    const context = portalContext({ page, api, token, BASE_URL, check, shots, databaseUrl: () => databaseUrl })
    await run("portal", file, context)
    await browserContext.close()
  }
} catch (e) {
  console.error(e)
  failures.push(String(e?.message ?? e))
} finally {
  await browser?.close().catch(() => {})
  await stopProcessTree(server)
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}

if (!failures.length && process.argv.includes("--update-docs")) {
  const docs = path.join(root, "docs", "screenshots")
  fs.mkdirSync(docs, { recursive: true })
  for (const file of fs.readdirSync(shots).filter((f) => f.endsWith(".png") && !f.startsWith("failure"))) {
    fs.copyFileSync(path.join(shots, file), path.join(docs, file))
  }
}
console.log(failures.length ? `FAILED:\n  ${failures.join("\n  ")}` : "passed")
console.log(`screenshots in ${path.relative(root, shots)}/`)
process.exit(failures.length ? 1 : 0)
