import { servePortal } from "../serve-portal"
import { fakeRequest, fakeResponse } from "./fake-http"

// No build anywhere: the portal's paths say how to make one, and nothing else changes.
jest.mock("../portal-files", () => ({ ...jest.requireActual("../portal-files"), portalDirectory: () => null }))

it("answers a clear 404 while the portal isn't built", async () => {
  const res = fakeResponse()
  const next = jest.fn()
  await servePortal(fakeRequest("GET", "/partners/links", { path: "/partners", enabled: true }), res, next)
  expect(next).not.toHaveBeenCalled()
  expect(res.statusCode).toBe(404)
  expect(res.body).toContain("npm run build")
  expect(res.headers["cache-control"]).toBe("no-store")
})
