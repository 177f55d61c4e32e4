const PLACEHOLDER = "http://path.invalid"

/**
 * A link's target as a URL, or null when it is neither a path on the store
 * ("/products/shirt") nor an absolute http(s) URL. Paths resolve against a
 * placeholder origin. `//host` and `/\host` are refused as paths: browsers read
 * them as another host. So are URLs with credentials ("http://store@evil.com"),
 * which only serve to mislead, and anything `new URL` can't parse
 * ("http://localhost:8000.evil.com", a port that isn't one).
 */
export function parseTargetUrl(value: string): URL | null {
  const isPath = value.startsWith("/") && !/^\/[/\\]/.test(value)
  if (!isPath && !/^https?:\/\//i.test(value)) return null
  try {
    const url = new URL(value, PLACEHOLDER)
    if (isPath && url.origin !== PLACEHOLDER) return null
    if (url.username || url.password) return null
    return url
  } catch {
    return null
  }
}

/** Whether a target is a path, or an absolute URL on exactly the store's origin (scheme, host and port). */
export function isOnStore(value: string, storeUrl: URL): boolean {
  const target = parseTargetUrl(value)
  if (!target) return false
  return target.origin === PLACEHOLDER || target.origin === storeUrl.origin
}
