import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import fs from "fs"
import { affiliateService } from "../../workflows/affiliate-service"
import { contentType, portalDirectory, safeFilePath } from "./portal-files"

/**
 * The partner portal's page: scripts, styles and API calls from this origin
 * only; images also from https (product thumbnails, banners on a CDN);
 * inline styles because Radix positions popovers with them. No framing.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

const NOT_BUILT =
  "<!doctype html><title>Partner portal not built</title><p>The partner portal has not been built. " +
  "Run <code>npm run build</code> (or <code>npm run dev</code>) in the plugin, which writes it to .medusa/server/portal/.</p>"

/**
 * Serves the built portal under `portal.path` (default /partners) while
 * `portal.enabled`: hashed files under assets/ cached for a year, any other
 * path answered with index.html (the app routes in the browser), never
 * cached, with `<base href>` set to the mount path so one build works under
 * any path. Registered for every path (the mount path is an option, read at
 * request time); anything else passes straight on.
 */
export async function servePortal(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" && req.method !== "HEAD") return next()
  let portal: { path: string; enabled: boolean }
  try {
    portal = affiliateService(req.scope).getOptions().portal
  } catch {
    return next()
  }
  const mount = portal.path
  if (!portal.enabled || (req.path !== mount && !req.path.startsWith(`${mount}/`))) return next()

  res.setHeader("Content-Security-Policy", PORTAL_CSP)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Referrer-Policy", "same-origin")
  res.setHeader("X-Frame-Options", "DENY")

  const root = portalDirectory()
  if (!root) {
    res.status(404).setHeader("Cache-Control", "no-store").type("html").send(NOT_BUILT)
    return
  }
  const rest = req.path.slice(mount.length)
  const isAsset = rest.startsWith("/assets/")
  const file = rest && rest !== "/" ? safeFilePath(root, rest) : null
  if ((rest && rest !== "/" && !file) || (isAsset && !isFile(file))) {
    // A path that tries to leave the folder, or an asset that isn't there
    // (a stale page after a deploy): a plain 404, never index.html as script.
    res.status(404).setHeader("Cache-Control", "no-store").type("text").send("Not found")
    return
  }
  if (file && isFile(file) && !file.endsWith("index.html")) {
    res.setHeader("Cache-Control", isAsset ? "public, max-age=31536000, immutable" : "public, max-age=300")
    res.setHeader("Content-Type", contentType(file))
    res.send(await fs.promises.readFile(file))
    return
  }
  const html = await fs.promises.readFile(`${root}/index.html`, "utf8")
  res.setHeader("Cache-Control", "no-cache")
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  // The mount path is validated by the options (/^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/): safe in an attribute.
  res.send(html.replace(/<head>/i, `<head>\n    <base href="${mount}/" />`))
}

function isFile(file: string | null): file is string {
  try {
    return !!file && fs.statSync(file).isFile()
  } catch {
    return false
  }
}
