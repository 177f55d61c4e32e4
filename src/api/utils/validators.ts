import { z } from "@medusajs/framework/zod"
import { fitsCurrencyPrecision, MAX_AMOUNT } from "../../modules/affiliate/utils/money"

/**
 * The building blocks every `validators.ts` under `src/api` uses, so that each
 * string, number, list and date a request can send has a bound, and a refusal
 * is a 400 naming the field ("utm_source: must not contain control
 * characters"). Anything that reaches PostgreSQL has passed one of these: a
 * NUL byte, a lone surrogate or an impossible date would otherwise make it
 * answer 500.
 */

/** The dotted path of the field an issue is about ("amounts.usd"), or "value" at the top. */
function fieldOf(issue: { path?: PropertyKey[] }): string {
  return issue.path?.length ? issue.path.map(String).join(".") : "value"
}

/** An error option whose message starts with the field's name. */
export function says(message: string) {
  return { error: (issue: { path?: PropertyKey[] }) => `${fieldOf(issue)}: ${message}` }
}

// C0 controls and DEL, and lone UTF-16 surrogates (PostgreSQL refuses NUL in
// text and unpaired \uD800 escapes in jsonb).
const CONTROL = /[\u0000-\u001F\u007F]/
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /\p{Cs}/u

/** Whether a string is safe to store: no control characters (tab and line breaks allowed when `multiline`). */
export function isCleanText(value: string, multiline = false): boolean {
  return !(multiline ? CONTROL_BUT_LINES : CONTROL).test(value) && !LONE_SURROGATE.test(value)
}

/**
 * Text of at most `max` characters with no control characters (tab and line
 * breaks are allowed with `multiline`, for notes and reasons).
 */
export function text(max: number, { multiline = false }: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max, says(`at most ${max} characters`))
    .refine((value) => isCleanText(value, multiline), says("must not contain control characters"))
}

/** Longest id any route accepts; Medusa's own are ~30 characters. */
export const MAX_ID_LENGTH = 64
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** A record id (ours or Medusa's: `aff_01J…`, `order_01J…`): 1-64 letters, digits, _ or -. */
export const id = () => z.string().regex(ID_PATTERN, says(`an id of 1 to ${MAX_ID_LENGTH} letters, digits, _ or -`))

/** Whether a path parameter or other raw value is a well-formed id. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value)
}

/** Longest list of ids a filter or a body may carry. */
export const MAX_LIST = 100

/** One id or a list of them (a query filter: `id=a` or `id[]=a&id[]=b`). */
export const idFilter = () => z.union([id(), z.array(id()).max(MAX_LIST, says(`at most ${MAX_LIST} ids`))])

/** A list of ids in a body. */
export const idList = (max = MAX_LIST) => z.array(id()).max(max, says(`at most ${max} ids`))

/** A 3-letter ISO 4217 code. Whether the store sells in it is checked by `requireStoreCurrencies`. */
export const currencyCode = () => z.string().regex(/^[A-Za-z]{3}$/, says("a 3-letter ISO 4217 currency code"))

/** An amount in major units: finite and at most `MAX_AMOUNT` either way. */
export const amount = () =>
  z
    .number()
    .finite(says("must be a finite number"))
    .refine((value) => Math.abs(value) <= MAX_AMOUNT, says(`must be at most ${MAX_AMOUNT} in absolute value`))

/** A refinement: `amount` has no more decimals than the currency's minor unit. */
export function checkPrecision(
  ctx: { addIssue: (issue: { code: "custom"; path: PropertyKey[]; message: string }) => void },
  value: number | undefined | null,
  currency: string | undefined | null,
  path: PropertyKey[]
) {
  if (value == null || !currency || !/^[A-Za-z]{3}$/.test(currency)) return
  if (!fitsCurrencyPrecision(value, currency)) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `${path.map(String).join(".")}: ${value} has more decimals than ${currency.toUpperCase()} allows`,
    })
  }
}

/** A whole number of days, 1 to `max` (ten years by default). */
export const days = (max = 3650) =>
  z.number().int(says("a whole number of days")).min(1, says("at least 1 day")).max(max, says(`at most ${max} days`))

// Dates: years 1970-9999, so that date arithmetic (a report's previous
// period, a window) never leaves what PostgreSQL and `Date` both accept.
const MIN_DATE = Date.UTC(1970, 0, 1)
const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** Whether `value` is a real calendar date (no February 30th) between 1970 and 9999. */
export function isRealDate(value: string): boolean {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  const time = Date.parse(value)
  if (Number.isNaN(time) || time < MIN_DATE || time > MAX_DATE) return false
  if (day) {
    // Date.parse rolls 2026-02-30 over to March 2nd; a real date reads back the same.
    const [, y, m, d] = day.map(Number)
    const check = new Date(Date.UTC(y, m - 1, d))
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return false
  }
  return true
}

/** A UTC day, `YYYY-MM-DD`, that exists, between 1970 and 9999. */
export const day = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, says("use YYYY-MM-DD"))
    .refine(isRealDate, says("not a real date between 1970-01-01 and 9999-12-31"))

const dateString = () =>
  z
    .string()
    .max(64, says("at most 64 characters"))
    .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, says("an ISO 8601 date or date-time"))
    .refine(isRealDate, says("not a real date between 1970 and 9999"))

/** A date or date-time in a body (`expires_at`), as a Date. Accepts a string only. */
export const dateTime = () => dateString().transform((value) => new Date(value))

/** A date filter in a query: `created_at=…` or `created_at[$gte]=…&created_at[$lt]=…`. */
export const dateFilter = () =>
  z.union([
    dateTime(),
    z
      .object({
        $eq: dateTime().optional(),
        $gt: dateTime().optional(),
        $gte: dateTime().optional(),
        $lt: dateTime().optional(),
        $lte: dateTime().optional(),
      })
      .strict(),
  ])

/** A query's boolean: `true` or `false`. */
export const queryBoolean = () =>
  z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())

/** A query's whole number between `min` and `max` ("5" → 5; "5abc", "-1", "1e3" refused). */
export const queryInt = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^-?\d{1,15}$/.test(value) ? Number(value) : value),
    z.number().int(says("a whole number")).min(min, says(`at least ${min}`)).max(max, says(`at most ${max}`))
  )

/** Largest page a list route serves, and the furthest it pages. */
const MAX_LIMIT = 1000
const MAX_OFFSET = 1_000_000

/**
 * `fields`, `limit`, `offset` and `order` of a list route, each bounded;
 * `order` only by one of `orderable` (optionally `-` for descending).
 */
export function listParams({ limit, orderable }: { limit: number; orderable: readonly string[] }) {
  const orders = new Set(orderable.flatMap((field) => [field, `-${field}`]))
  return {
    fields: text(2000).optional(),
    limit: queryInt(1, MAX_LIMIT).optional().default(limit),
    offset: queryInt(0, MAX_OFFSET).optional().default(0),
    order: z
      .string()
      .refine((value) => orders.has(value), says(`one of ${orderable.join(", ")} (with - for descending)`))
      .optional(),
  }
}

const MAX_JSON_BYTES = 16_384
const MAX_JSON_DEPTH = 5

/** Whether a JSON value can be stored: at most 5 levels, keys and strings with no control characters. */
function isStorableJson(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return isCleanText(value, true)
  if (typeof value === "number") return Number.isFinite(value)
  if (value === null || typeof value === "boolean") return true
  if (typeof value !== "object" || depth >= MAX_JSON_DEPTH) return false
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value)
  return entries.every(([key, item]) => key.length <= 255 && isCleanText(key) && isStorableJson(item, depth + 1))
}

/** A free-form JSON object (`metadata`, `payout_details`): at most 16 KB, 5 levels, no control characters. */
export const jsonObject = () =>
  z
    .record(z.string(), z.unknown())
    .refine(
      (value) => isStorableJson(value),
      says(`JSON at most ${MAX_JSON_DEPTH} levels deep, keys of at most 255 characters, no control characters`)
    )
    .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_JSON_BYTES, says(`at most ${MAX_JSON_BYTES} bytes`))

