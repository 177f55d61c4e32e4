/**
 * Where the portal is mounted (`portal.path`, e.g. "/partners"): the server
 * injects `<base href="/partners/">` into index.html, so the app reads it
 * back instead of being built for one path. The API is on the same origin.
 */
export function mountPath(): string {
  return new URL(document.baseURI).pathname.replace(/\/+$/, "")
}

/** An absolute URL of a portal route, e.g. for links shared by email. */
export function portalUrl(route: string): string {
  return `${window.location.origin}${mountPath()}${route}`
}
