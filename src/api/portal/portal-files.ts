import fs from "fs"
import path from "path"

/**
 * Where the built portal is (`vite build` writes .medusa/server/portal/):
 * beside `src/` in the installed package (.medusa/server/src/api/portal →
 * .medusa/server/portal), or under .medusa/server when this repository's
 * dev host runs the plugin from `src/`. Null until it is built.
 */
export function portalDirectory(): string | null {
  // src/api/portal → the folder holding src/: the package's .medusa/server, or the repository.
  const base = path.resolve(__dirname, "../../..")
  const installed = path.basename(base) === "server" && path.basename(path.dirname(base)) === ".medusa"
  // In the repository, <repo>/portal is the app's source (its index.html too): never serve it.
  const dir = installed ? path.join(base, "portal") : path.join(base, ".medusa", "server", "portal")
  return fs.existsSync(path.join(dir, "index.html")) ? dir : null
}

/**
 * The file a request path names inside `root`, or null when the path could
 * leave it: every segment is percent-decoded and refused if it is empty,
 * `.`/`..`, a dotfile, or hides a separator or NUL, and the result must
 * still lie under `root`. `/partners/../package.json`, `%2e%2e`, `..%2f`
 * and `..%5c` all end here.
 */
export function safeFilePath(root: string, requestPath: string): string | null {
  const segments = requestPath.split("/").filter((segment, i) => i > 0 || segment !== "")
  if (!segments.length) return null
  const decoded: string[] = []
  for (const segment of segments) {
    let value: string
    try {
      value = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (!value || value.startsWith(".") || /[\\/\0]/.test(value)) return null
    decoded.push(value)
  }
  const file = path.resolve(root, ...decoded)
  return file.startsWith(root + path.sep) ? file : null
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
}

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream"
}
