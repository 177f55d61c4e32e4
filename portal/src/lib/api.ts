/**
 * The one way the portal talks to the backend: same origin, the session
 * cookie (`credentials: "include"`), JSON in and out. A failed request throws
 * an ApiError carrying the API's message, which names the field
 * ("terms_version: accept the current terms (version 2)").
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

type RequestOptions = { method?: string; body?: unknown; token?: string; query?: Record<string, unknown> }

export function apiUrl(path: string, query?: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value))
  }
  const search = params.toString()
  return `${window.location.origin}${path}${search ? `?${search}` : ""}`
}

export async function api<T = any>(path: string, { method = "GET", body, token, query }: RequestOptions = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      credentials: "include",
      headers: {
        accept: "application/json",
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
  } catch {
    throw new ApiError("network", 0)
  }
  const text = await res.text()
  let data: any = {}
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    data = { message: text.slice(0, 300) }
  }
  if (!res.ok) {
    throw new ApiError(typeof data?.message === "string" && data.message ? data.message : res.statusText, res.status)
  }
  return data as T
}

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401

/**
 * The API's message split by the field each part names, so a form shows it
 * under that field; what names no known field is under "form" (a toast).
 */
export function fieldErrors(error: unknown, fields: string[]): Record<string, string> {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Invalid request\s*:?\s*/i, "")
  const known = [...fields].sort((a, b) => b.length - a.length)
  const errors: Record<string, string> = {}
  for (const part of message.split(/;\s+/)) {
    const named = part.match(/^([a-z_][a-z0-9_.]*)\s*:/i)?.[1] ?? part.match(/field '([^']+)'/i)?.[1]
    const field = (named && known.find((f) => named === f || named.startsWith(`${f}.`))) || "form"
    errors[field] = errors[field] ? `${errors[field]}; ${part}` : part
  }
  return errors
}
