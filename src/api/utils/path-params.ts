import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isId, MAX_ID_LENGTH } from "./validators"

/**
 * Refuses a path parameter that can't be an id or a code (`/admin/affiliates/%00`,
 * a 10 KB id, an emoji) with a 400 naming it, before any handler looks it up.
 */
export function validatePathParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  for (const [name, value] of Object.entries(req.params ?? {})) {
    if (!isId(value)) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${name}: not a valid ${name === "code" ? "code" : "id"} (1 to ${MAX_ID_LENGTH} letters, digits, _ or -)`
        )
      )
    }
  }
  next()
}

/** The plugin's routes with a path parameter; `validatePathParams` guards each, and every path below it. */
export const PARAM_ROUTE_PREFIXES = [
  "/admin/affiliates/:id",
  "/admin/affiliate-codes/:id",
  "/admin/affiliate-links/:id",
  "/admin/affiliate-payouts/:id",
  "/admin/affiliate-payout-batches/:id",
  "/hooks/affiliate-payouts/:provider_id",
  "/admin/affiliate-rules/:id",
  "/admin/orders/:id/affiliate-attribution",
  "/admin/customers/:id/affiliate-binding",
  "/admin/products/:id/affiliate-program",
  "/admin/affiliate-creatives/:id",
  "/affiliate/links/:id",
  "/affiliate/payouts/:id",
  "/store/carts/:id/referral",
  "/store/referrals/codes/:code",
]
