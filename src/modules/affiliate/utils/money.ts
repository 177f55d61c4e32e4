import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

type Decimal = ReturnType<typeof MathBN.convert>

const precisionCache = new Map<string, number>()

/** Decimal places of a currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyPrecision(currencyCode: string): number {
  const code = currencyCode.toUpperCase()
  let precision = precisionCache.get(code)
  if (precision === undefined) {
    try {
      precision = new Intl.NumberFormat("en", { style: "currency", currency: code })
        .resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      precision = 2
    }
    precisionCache.set(code, precision)
  }
  return precision
}

/**
 * The one place amounts are rounded: to the currency's precision, half away
 * from zero, so a reversal of a line is exactly its negation.
 */
export function roundAmount(amount: BigNumberInput, currencyCode: string): Decimal {
  // MathBN's decimal type rounds ROUND_HALF_UP by default.
  return MathBN.convert(amount, currencyPrecision(currencyCode))
}

/** A numeric sum from SQL as a canonical decimal string ("12.50" → "12.5"). */
export function normalizeDecimal(value: string): string {
  return MathBN.convert(value).toString()
}

/**
 * The largest amount, in major units, that any request may name (a payout, an
 * adjustment, a fixed commission, a payout minimum, a tier threshold): far
 * above any real figure, far below where floating point and `numeric` start
 * to misbehave.
 */
export const MAX_AMOUNT = 1_000_000_000_000

/** Whether `amount` has no more decimals than the currency's minor unit (12.345 USD has too many). */
export function fitsCurrencyPrecision(amount: BigNumberInput, currencyCode: string): boolean {
  return MathBN.eq(roundAmount(amount, currencyCode), amount)
}
