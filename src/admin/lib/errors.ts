import { FetchError } from "@medusajs/js-sdk"
import { toast } from "@medusajs/ui"

/** The API's message for a failed request (it names the field), or the error's own. */
export function errorMessage(error: unknown): string {
  if (error instanceof FetchError) return error.message || error.statusText || "Request failed"
  return error instanceof Error ? error.message : String(error)
}

/** HTTP status of a failed request, when there was one. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof FetchError ? error.status : undefined
}

export function isNotFound(error: unknown) {
  return errorStatus(error) === 404
}

/** Every mutation's failure: a toast with the API's message, never a broken page. */
export function toastError(error: unknown) {
  toast.error(errorMessage(error))
}

/** A fresh key for one money-moving click; a double submit reuses it (the API answers once). */
export function newIdempotencyKey() {
  return crypto.randomUUID()
}
