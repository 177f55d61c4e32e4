// `npm run test:browser`: drives the admin's Affiliates screens in a real
// Chromium (Debian's, at /usr/bin/chromium, or CHROMIUM_PATH) against the
// development store on a fresh database, and saves a screenshot of every
// screen in .screenshots/ (`--update-docs` copies them to docs/screenshots/).
//
// Each scenario is a module in ./admin/, run in name order in one logged-in
// page; a failing scenario is reported and the next one still runs.
//   BASE_URL=http://localhost:9000  use a running server instead of starting one
//   BROWSER_ONLY=payouts            run only scenarios whose file name contains this
//   BROWSER_PORT=9100               the port of the server this script starts
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"
import { stopProcessTree } from "../../scripts/processes.mjs"
import { ADMIN, makeApi, placeReferredOrder, waitForHealth } from "./support.mjs"

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
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", DEV_DATA_DIR: dataDir, PORT: String(port) },
    })
  }
  await waitForHealth(BASE_URL, 300_000)
  const { token } = await api("/auth/user/emailpass", { method: "POST", body: ADMIN })

  fs.mkdirSync(shots, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  })
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

  const scenarios = fs
    .readdirSync(path.join(here, "admin"))
    .filter((file) => file.endsWith(".mjs") && (!only || file.includes(only)))
    .sort()
  for (const file of scenarios) {
    console.log(`# ${file}`)
    try {
      const scenario = await import(path.join(here, "admin", file))
      await scenario.default(context)
    } catch (e) {
      console.error(e)
      await context.shot(`failure-${path.basename(file, ".mjs")}`).catch(() => {})
      failures.push(`${file}: ${String(e?.message ?? e).split("\n")[0]}`)
    }
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
