import type { HttpClient } from "./checkout"

/** A desktop browser's user agent: a visitor the bot filter lets through. */
export const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"

/** The demo store's storefront, where redirects send visitors (`store_url`). */
export const STORE_URL = "http://localhost:8000"

/** `GET path` as a visitor's browser, redirects not followed; any status resolves. */
export function visit(api: HttpClient, path: string, userAgent = BROWSER) {
  return (api as any).get(path, {
    headers: { "user-agent": userAgent },
    maxRedirects: 0,
    validateStatus: () => true,
  }) as Promise<{ status: number; data: any; headers: Record<string, string> }>
}
