import { servePortal } from "../serve-portal"
import { fakeRequest as request, fakeResponse as response } from "./fake-http"

describe("servePortal", () => {
  const enabled = { path: "/partners", enabled: true }

  it.each([
    ["POST", "/partners", enabled],
    ["GET", "/partnersx", enabled],
    ["GET", "/store/products", enabled],
    ["GET", "/partners", { path: "/partners", enabled: false }],
    ["GET", "/partners/links", { path: "/affiliates", enabled: true }],
  ])("passes %s %s on (not the portal's)", async (method, path, portal) => {
    const next = jest.fn()
    const res = response()
    await servePortal(request(method, path, portal), res, next)
    expect(next).toHaveBeenCalled()
    expect(res.body).toBeUndefined()
  })

  it("answers the mount path itself under a CSP", async () => {
    const next = jest.fn()
    const res = response()
    await servePortal(request("GET", "/partners/../package.json", enabled), res, next)
    expect(next).not.toHaveBeenCalled()
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'")
    // Built or not, never the file outside the folder.
    expect(String(res.body)).not.toContain("devDependencies")
    expect(res.statusCode).toBe(404)
  })
})
