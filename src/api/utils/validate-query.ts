import { validateAndTransformQuery as medusaValidateQuery } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's `validateAndTransformQuery`, except that a query Medusa can't
 * read (`a.b.c=1`: "Key accessor more than 2 levels deep", thrown as
 * INVALID_ARGUMENT, which its error handler answers with 500) is a 400.
 */
export function validateAndTransformQuery(...args: Parameters<typeof medusaValidateQuery>) {
  const validate = medusaValidateQuery(...args)
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    await validate(req as any, res, (error?: unknown) => {
      if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_ARGUMENT) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${error.message}`))
      }
      next(error as any)
    })
  }
}
