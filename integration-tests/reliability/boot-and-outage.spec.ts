import { generateJwtToken } from "@medusajs/framework/utils"
import { ChildProcess, spawn } from "child_process"
import { randomBytes } from "crypto"
import net from "net"
import path from "path"
import readline from "readline"

// Real processes on a PostgreSQL cluster of the test's own: `medusa start`
// from the sources (NODE_ENV=development), and a production boot.
// Defect 13 (the plugin's routes): while PostgreSQL is down, the plugin's
// routes answer 503 at once instead of hanging ~60 s on the pool and then
// 500; the test stops the cluster under the running server. `/store/*`
// routes are not in it: Medusa looks the publishable key up before any
// plugin middleware runs, so without Medusa's caching module that lookup
// waits for the pool first.
// Defect 11: a production boot without a secret stops, naming the option.

jest.setTimeout(300_000)

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const JWT_SECRET = randomBytes(32).toString("base64url")
const UNAVAILABLE = "The affiliate service's database is unavailable; retry later"

let cluster: ChildProcess
let server: ChildProcess | undefined
let baseUrl: string
let serverLog = ""
let serverEnv: NodeJS.ProcessEnv

const adminToken = token({ actor_id: "user_outage", actor_type: "user", app_metadata: { user_id: "user_outage" } })
const partnerToken = token({
  actor_id: "aff_outage",
  actor_type: "affiliate",
  app_metadata: { affiliate_id: "aff_outage" },
})

beforeAll(async () => {
  const dataDir = path.join(root, ".test-db", `outage-${process.pid}`)
  cluster = spawn(process.execPath, [path.join(__dirname, "support", "postgres-cluster.mjs"), dataDir, "outage"], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  const { url } = JSON.parse(await nextLine(cluster))
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: url,
    JWT_SECRET,
    COOKIE_SECRET: JWT_SECRET,
    AFFILIATE_SECRET: randomBytes(32).toString("base64url"),
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  serverEnv = env
  await run(medusaBin, ["db:migrate"], env)
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  server = spawn(medusaBin, ["start", "--port", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
  server.stdout!.on("data", (d) => (serverLog += d))
  server.stderr!.on("data", (d) => (serverLog += d))
  await waitForHealth()
})

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGKILL")
  }
  cluster?.stdin?.end()
  await new Promise((resolve) => (cluster.exitCode === null ? cluster.on("exit", resolve) : resolve(null)))
})

// Defect 11, for real: `medusa start` with NODE_ENV=production and no
// AFFILIATE_SECRET stops, naming the option (sources loaded through ts-node,
// which the CLI only registers itself outside production).
it("refuses a production boot without a secret, naming the option", async () => {
  const cli = require.resolve("@medusajs/cli/cli.js")
  const env: NodeJS.ProcessEnv = {
    ...serverEnv,
    NODE_ENV: "production",
    STORE_URL: "https://shop.example.com",
  }
  delete env.AFFILIATE_SECRET
  const boot = spawn(process.execPath, ["--require", "ts-node/register", cli, "start", "--port", String(await freePort())], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  boot.stdout!.on("data", (d) => (output += d))
  boot.stderr!.on("data", (d) => (output += d))
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      boot.kill("SIGKILL")
      resolve(null)
    }, 120_000)
    boot.on("exit", (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  expect({ code, refused: output.includes(
    "medusa-plugin-affiliate: option `secret` (or AFFILIATE_SECRET) must be at least 32 characters in production (it is not set)"
  ) }).toEqual({ code: 1, refused: true })
})

it("answers the plugin's routes with 503 within 2 s while the database is down", async () => {
  // Healthy: a real answer, and the breaker stays out of the way.
  const healthy = await request("GET", "/admin/affiliates", adminToken)
  expect(healthy.status).toEqual(200)

  cluster.stdin!.write("stop\n")
  expect(await nextLine(cluster)).toEqual("stopped")

  // The first read finds the pool's connections gone and opens the breaker.
  for (const [method, url, auth] of [
    ["GET", "/admin/affiliates", adminToken],
    ["GET", "/admin/affiliate-commissions", adminToken],
    ["POST", "/admin/affiliates/aff_outage/payouts", adminToken],
    ["GET", "/affiliate/me", partnerToken],
    ["GET", "/admin/affiliate-reports/summary", adminToken],
  ] as const) {
    const started = Date.now()
    const response = await request(method, url, auth, method === "POST" ? { currency_code: "usd" } : undefined)
    const elapsed = Date.now() - started
    expect({ url, status: response.status, body: response.body }).toEqual({
      url,
      status: 503,
      body: { type: "database_error", message: UNAVAILABLE },
    })
    expect(elapsed).toBeLessThan(2000)
  }
})

function token(claims: Record<string, unknown>) {
  return generateJwtToken(
    { auth_identity_id: "authid_outage", auth_provider: "emailpass", user_metadata: {}, ...claims },
    { secret: JWT_SECRET, expiresIn: "1h" }
  )
}

async function request(method: string, url: string, bearer: string, body?: unknown) {
  const response = await fetch(baseUrl + url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

function nextLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! })
    lines.once("line", (line) => {
      lines.close()
      resolve(line)
    })
    child.once("exit", (code) => reject(new Error(`exited with ${code} before answering`)))
  })
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    let output = ""
    const child = spawn(bin, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.on("data", (d) => (output += d))
    child.stderr!.on("data", (d) => (output += d))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}\n${output}`))))
  })
}

async function waitForHealth() {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (server!.exitCode !== null) {
      throw new Error(`medusa start exited with ${server!.exitCode}\n${serverLog}`)
    }
    const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)
    if (ok) {
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`medusa start did not answer /health in 180 s\n${serverLog}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
