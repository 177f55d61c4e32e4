import { execFileSync } from "child_process"
import fs from "fs"
import http from "http"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(240_000)

const root = path.resolve(__dirname, "../..")
const built = path.join(root, ".medusa", "server", "portal", "index.html")

/** A request whose path is sent exactly as written (axios and fetch would resolve "..").*/
function rawGet(baseURL: string, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: "GET" }, (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (body += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on("error", reject)
    req.end()
  })
}

// H9: the plugin serves the built partner portal under portal.path (/partners):
// index.html for every app route, hashed assets cached for good, nothing
// outside the built folder.
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    let baseURL: string

    beforeAll(() => {
      baseURL = api.defaults.baseURL as string
      if (!fs.existsSync(built)) {
        execFileSync(path.join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn", "-c", "portal/vite.config.mts"], {
          cwd: root,
          stdio: "inherit",
        })
      }
    })

    it("answers /partners and a deep link with index.html, never cached, under a restrictive CSP", async () => {
      for (const route of ["/partners", "/partners/", "/partners/links", "/partners/payouts/pay_123", "/partners/verify-email?token=abc"]) {
        const res = await rawGet(baseURL, route)
        expect({ route, status: res.status }).toEqual({ route, status: 200 })
        expect(res.headers["content-type"]).toMatch(/^text\/html/)
        expect(res.headers["cache-control"]).toBe("no-cache")
        expect(res.body).toContain('<base href="/partners/" />')
        expect(res.body).toContain('<div id="root"></div>')
        const csp = String(res.headers["content-security-policy"])
        expect(csp).toContain("default-src 'self'")
        expect(csp).toContain("script-src 'self'")
        expect(csp).toContain("frame-ancestors 'none'")
        expect(res.headers["x-content-type-options"]).toBe("nosniff")
      }
    })

    it("serves hashed assets with a year-long immutable cache, and a missing one as 404", async () => {
      const html = (await rawGet(baseURL, "/partners")).body
      // The build, not the app's source index.html (which loads ./src/main.tsx).
      expect(html).not.toContain("src/main.tsx")
      const script = html.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1]
      const style = html.match(/href="\.\/(assets\/[^"]+\.css)"/)?.[1]
      expect(script).toBeTruthy()
      expect(style).toBeTruthy()

      const js = await rawGet(baseURL, `/partners/${script}`)
      expect(js.status).toBe(200)
      expect(js.headers["content-type"]).toMatch(/^text\/javascript/)
      expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable")
      const css = await rawGet(baseURL, `/partners/${style}`)
      expect(css.status).toBe(200)
      expect(css.headers["content-type"]).toMatch(/^text\/css/)

      const missing = await rawGet(baseURL, "/partners/assets/index-missing.js")
      expect(missing.status).toBe(404)
      expect(missing.body).not.toContain("<html")
    })

    it("never answers with a file outside the built folder", async () => {
      const attempts = [
        "/partners/../package.json",
        "/partners/../../package.json",
        "/partners/assets/../../../package.json",
        "/partners/%2e%2e/package.json",
        "/partners/%2E%2E/%2E%2E/package.json",
        "/partners/..%2fpackage.json",
        "/partners/assets/..%2f..%2f..%2fpackage.json",
        "/partners/..%5c..%5cpackage.json",
        "/partners/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json",
        "/partners/assets/%252e%252e/package.json",
        "/partners/.env",
        "/partners/%00../package.json",
        "/partners/assets/%E0%A4%A",
      ]
      for (const attempt of attempts) {
        const res = await rawGet(baseURL, attempt)
        // Whatever the status, no file from outside: not the package, not the sources.
        expect({ attempt, leaked: /"devDependencies"|medusa-plugin-affiliate|defineConfig/.test(res.body) }).toEqual({ attempt, leaked: false })
        expect({ attempt, server_error: res.status >= 500 }).toEqual({ attempt, server_error: false })
      }
    })

    it("leaves other paths and methods alone", async () => {
      expect((await rawGet(baseURL, "/partnersx")).body).not.toContain('<div id="root">')
      const post = await api.post("/partners", {}).catch((e: any) => e.response)
      expect(post.status).toBe(404)
      const health = await rawGet(baseURL, "/health")
      expect(health.status).toBe(200)
    })
  },
})
