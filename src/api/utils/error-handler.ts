import { errorHandler as medusaErrorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const handle = medusaErrorHandler()

/**
 * Medusa's error handler, with one mend: a path whose percent-encoding is
 * malformed (`/admin/affiliates/%E0%A4%A`) makes Express throw a URIError
 * marked 400 while it matches the routes, before any middleware runs, and
 * Medusa's handler answers that with 500. Here it is the 400 it is. Every
 * other error is handled exactly as Medusa does. An application that sets
 * its own `errorHandler` in `src/api/middlewares.ts` replaces this one.
 */
export function affiliateErrorHandler(error: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (error instanceof URIError && (error as any).status === 400) {
    error = new MedusaError(MedusaError.Types.INVALID_DATA, "path: malformed percent-encoding")
  }
  return handle(error, req as any, res, next)
}
