import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

const TTL_MS = 5_000
let cached: { codes: Set<string>; at: number } | null = null

/** The currencies the store sells in (lower case), read through Query. */
async function loadStoreCurrencies(container: MedusaContainer): Promise<Set<string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] })
  const codes = new Set<string>()
  for (const store of data) {
    for (const currency of store?.supported_currencies ?? []) {
      if (currency?.currency_code) codes.add(String(currency.currency_code).toLowerCase())
    }
  }
  cached = { codes, at: Date.now() }
  return codes
}

/**
 * Whether the store sells in `code`. A code found in the last 5 seconds'
 * answer is accepted from memory; any other is looked up again, so a refusal
 * is never stale (a currency the store just added is accepted at once).
 */
export async function isStoreCurrency(container: MedusaContainer, code: string): Promise<{ ok: boolean; codes: Set<string> }> {
  const wanted = code.toLowerCase()
  if (cached && Date.now() - cached.at < TTL_MS && cached.codes.has(wanted)) {
    return { ok: true, codes: cached.codes }
  }
  const codes = await loadStoreCurrencies(container)
  return { ok: codes.has(wanted), codes }
}

/**
 * A middleware, after `validateAndTransformBody`: every currency the body
 * names (`pick` returns each with the field it is in) must be one of the
 * store's supported currencies, so no balance, rule or payout can be in a
 * currency the store never sells in (`"NaN"` is three letters too).
 */
export function requireStoreCurrencies(pick: (body: any) => { field: string; code: string }[]) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      for (const { field, code } of pick(req.validatedBody ?? {})) {
        const { ok, codes } = await isStoreCurrency(req.scope, code)
        if (!ok) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `${field}: ${code} is not a currency of this store (${[...codes].sort().join(", ") || "none"})`
          )
        }
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}

/** The body's `currency_code`, if any. */
export const currencyCodeField = (body: { currency_code?: string | null }) =>
  body.currency_code ? [{ field: "currency_code", code: body.currency_code }] : []

/** The keys of a per-currency record (`amounts`, `minimum_payout`). */
export const currencyKeysOf = (field: string) => (body: Record<string, unknown>) => {
  const value = body[field]
  return value && typeof value === "object" ? Object.keys(value).map((code) => ({ field: `${field}.${code}`, code })) : []
}
