// A small fetch client for the store and admin APIs, with request timing.
// Node's fetch keeps connections alive, as a storefront's server would.

/**
 * @param {string} baseUrl
 * @param {{ publishableKey?: string }} options
 */
export function createClient(baseUrl, { publishableKey } = {}) {
  /**
   * Sends one request and resolves with its status, body and duration (ms).
   * Throws on a status >= 400 unless `allowError`, with Medusa's message.
   * `store: false` leaves the publishable key out; `redirect: "manual"` keeps a 3xx.
   */
  async function request(method, url, body, { headers = {}, store = true, allowError = false, redirect } = {}) {
    const started = performance.now()
    const res = await fetch(baseUrl + url, {
      method,
      redirect: redirect ?? "follow",
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(store && publishableKey ? { "x-publishable-api-key": publishableKey } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const ms = performance.now() - started
    let data = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      // not JSON (e.g. a redirect's body)
    }
    if (res.status >= 400 && !allowError) {
      const message = data?.message ?? text.slice(0, 200)
      throw new Error(`${method} ${url} answered ${res.status}: ${message}`)
    }
    return { status: res.status, data, ms, headers: res.headers }
  }

  return {
    baseUrl,
    request,
    get: (url, options) => request("GET", url, undefined, options),
    post: (url, body = {}, options) => request("POST", url, body, options),
    delete: (url, options) => request("DELETE", url, undefined, options),
  }
}
