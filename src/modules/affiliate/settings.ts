import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { fitsCurrencyPrecision, MAX_AMOUNT } from "./utils/money"

const nonNegativeAmount = z.number().nonnegative().max(MAX_AMOUNT)
// Ten years: longer is a typo, and dates computed from it must stay in range.
const MAX_DAYS = 3650
const MAX_COUNT = 1_000_000_000
/** Longest terms text the portal shows (about ten pages). */
export const MAX_PORTAL_TERMS = 50_000
/** Longest help text the portal shows. */
export const MAX_PORTAL_HELP_TEXT = 5_000

// Control characters other than tab and line breaks, and lone surrogates: PostgreSQL's
// jsonb refuses some, and none belongs in text a partner reads.
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u
const portalText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field}: at most ${max} characters`)
    .refine((value) => !UNSAFE_TEXT.test(value), `${field}: must not contain control characters`)
    .nullable()

export const REGISTRATION_MODES = ["auto_approve", "approval", "invite_only", "closed"] as const
export type RegistrationMode = (typeof REGISTRATION_MODES)[number]
export const APPLICATION_FIELD_TYPES = ["text", "select", "checkbox"] as const
/** Most questions an application form can carry. */
export const MAX_APPLICATION_FIELDS = 20
/** Longest answer to a text question. */
export const MAX_APPLICATION_ANSWER = 1_000

/**
 * One question of the application form: a short text, one of a list, or a
 * checkbox; `required` refuses an application without an answer (for a
 * checkbox: unticked).
 */
export const ApplicationFieldSchema = z
  .object({
    /** Where the answer is stored (`affiliate.application.fields[key]`); stable, so keep it when the label changes. */
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "application_fields: key is 1-40 of a-z, 0-9, _ and starts with a letter"),
    label: z.string().trim().min(1, "application_fields: label is required").max(200, "application_fields: label is at most 200 characters"),
    type: z.enum(APPLICATION_FIELD_TYPES),
    required: z.boolean().default(false),
    /** The choices of a `select`, shown in this order. */
    options: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === "select" && !field.options?.length) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `application_fields: "${field.key}" is a select and needs options` })
    }
    if (field.type !== "select" && field.options) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `application_fields: only a select has options ("${field.key}" is ${field.type})` })
    }
  })
export type ApplicationField = z.infer<typeof ApplicationFieldSchema>

/**
 * The program settings (G5): what a store owner tunes. The same fields are
 * plugin options (the defaults) and admin-editable settings stored in the
 * database (which win). Every field is optional here; `DEFAULT_SETTINGS` fills
 * what neither sets.
 */
export const ProgramSettingsPatchSchema = z
  .object({
    /** Days a click or code keeps crediting its affiliate. */
    attribution_window_days: z.number().int().positive().max(MAX_DAYS),
    /** Which click wins when a shopper clicked several links. */
    attribution_model: z.enum(["last_click", "first_click"]),
    /**
     * Lifetime attribution (C6): a customer's later orders without a code or
     * click are credited to the affiliate of their first attributed order.
     */
    lifetime_attribution: z.boolean(),
    /** Days a paid line waits (the refund window) before it is approved. */
    hold_days: z.number().int().nonnegative().max(MAX_DAYS),
    /** Percent of the order's base paid when no other rate applies. */
    default_commission_rate: z.number().min(0).max(100),
    /** Smallest payout: one figure for every currency, or per currency code. */
    minimum_payout: z.union([
      nonNegativeAmount,
      z
        .record(z.string().regex(/^[A-Za-z]{3}$/, "minimum_payout: keys are 3-letter currency codes"), nonNegativeAmount)
        .superRefine((minimums, ctx) => {
          for (const [code, amount] of Object.entries(minimums)) {
            if (!fitsCurrencyPrecision(amount, code)) {
              ctx.addIssue({ code: "custom", path: [code], message: `minimum_payout.${code}: ${amount} has more decimals than ${code.toUpperCase()} allows` })
            }
          }
        }),
    ]),
    /** What the commission base leaves out. */
    exclude_from_base: z
      .object({
        shipping: z.boolean(),
        tax: z.boolean(),
        discounts: z.boolean(),
        gift_cards: z.boolean(),
      })
      .partial()
      .strict(),
    /** The deepest parent level that can earn an override (D6); 0 turns overrides off. */
    max_levels: z.number().int().min(0).max(10),
    /** F5: write a negative balance off as a ledger line at the start of each month. */
    no_negative_carryover: z.boolean(),
    /** E7: patterns that put a new line on hold for review. */
    fraud: z
      .object({
        /** Clicks from one IP hash in 24 hours above which its orders are held. */
        max_clicks_per_ip_per_day: z.number().int().positive().max(MAX_COUNT),
        /** Orders per click (percent) above which an affiliate's new lines are held... */
        max_conversion_rate: z.number().positive().max(100),
        /** ...once the affiliate has at least this many clicks in the last 30 days. */
        min_clicks_for_conversion_check: z.number().int().nonnegative().max(MAX_COUNT),
      })
      .partial()
      .strict(),
    /** Clicks older than this are purged; the daily report figures keep them (J1). */
    click_retention_days: z.number().int().min(1).max(MAX_DAYS),
    /**
     * F3: pay every partner due a payout once a month, on `day` (UTC), in
     * `currencies` (default: every currency with a balance); null: off.
     */
    payout_schedule: z
      .object({
        day: z.number().int().min(1).max(28),
        currencies: z.array(z.string().regex(/^[A-Za-z]{3}$/, "payout_schedule.currencies: 3-letter currency codes")).max(200).optional(),
      })
      .strict()
      .nullable(),
    /**
     * Who can sign up as a partner (B1): `auto_approve`, anyone can apply and
     * is approved once their email is verified; `approval`, anyone can apply
     * and an admin approves; `invite_only`, only invited partners get in;
     * `closed`, no one new.
     */
    registration_mode: z.enum(REGISTRATION_MODES),
    /** The admin's own questions on the application form (B1), in order. */
    application_fields: z.array(ApplicationFieldSchema).max(MAX_APPLICATION_FIELDS, `application_fields: at most ${MAX_APPLICATION_FIELDS} fields`)
      .superRefine((fields, ctx) => {
        const seen = new Set<string>()
        fields.forEach((field, index) => {
          if (seen.has(field.key)) {
            ctx.addIssue({ code: "custom", path: [index, "key"], message: `application_fields.${index}.key: "${field.key}" is used twice` })
          }
          seen.add(field.key)
        })
      }),
    /** The program's terms, shown in the partner portal (plain text or Markdown); null: none. */
    portal_terms: portalText("portal_terms", MAX_PORTAL_TERMS),
    /** Help text shown in the partner portal; null: none. */
    portal_help_text: portalText("portal_help_text", MAX_PORTAL_HELP_TEXT),
  })
  .partial()
  .strict()

export type ProgramSettingsPatch = z.infer<typeof ProgramSettingsPatchSchema>

export const DEFAULT_SETTINGS = {
  attribution_window_days: 30,
  attribution_model: "last_click" as "last_click" | "first_click",
  lifetime_attribution: true,
  hold_days: 30,
  default_commission_rate: 10,
  minimum_payout: 0 as number | Record<string, number>,
  exclude_from_base: { shipping: true, tax: true, discounts: true, gift_cards: true },
  max_levels: 3,
  no_negative_carryover: false,
  fraud: {
    max_clicks_per_ip_per_day: 100,
    max_conversion_rate: 50,
    min_clicks_for_conversion_check: 20,
  },
  // About 13 months.
  click_retention_days: 396,
  payout_schedule: null as { day: number; currencies?: string[] } | null,
  registration_mode: "approval" as RegistrationMode,
  application_fields: [] as ApplicationField[],
  portal_terms: null as string | null,
  portal_help_text: null as string | null,
}

export type ProgramSettings = typeof DEFAULT_SETTINGS

/** Applies patches over the defaults, in order; nested groups merge field by field. */
export function mergeSettings(...patches: (ProgramSettingsPatch | null | undefined)[]): ProgramSettings {
  const merged: ProgramSettings = structuredClone(DEFAULT_SETTINGS)
  for (const patch of patches) {
    if (!patch) continue
    const { exclude_from_base, fraud, ...flat } = patch
    // Only known fields: the plugin options passed here carry more than settings.
    for (const [key, value] of Object.entries(flat)) {
      if (key in DEFAULT_SETTINGS && value !== undefined) {
        ;(merged as Record<string, unknown>)[key] = value
      }
    }
    Object.assign(merged.exclude_from_base, stripUndefined(exclude_from_base ?? {}))
    Object.assign(merged.fraud, stripUndefined(fraud ?? {}))
  }
  return merged
}

/** The minimum payout of every currency: `by_currency` (lower-case codes), else `otherwise`. */
export type PayoutMinimums = { by_currency: Record<string, number>; otherwise: number }

export function payoutMinimums(settings: ProgramSettings): PayoutMinimums {
  const minimum = settings.minimum_payout
  if (typeof minimum === "number") {
    return { by_currency: {}, otherwise: minimum }
  }
  const byCurrency: Record<string, number> = {}
  for (const [code, amount] of Object.entries(minimum)) {
    // A lower-case key wins over the same code in upper case.
    byCurrency[code.toLowerCase()] = minimum[code.toLowerCase()] ?? amount
  }
  return { by_currency: byCurrency, otherwise: 0 }
}

/** The minimum payout for a currency (0 when none). */
export function minimumPayoutFor(settings: ProgramSettings, currencyCode: string): number {
  const { by_currency, otherwise } = payoutMinimums(settings)
  return by_currency[currencyCode.toLowerCase()] ?? otherwise
}

/** Names the first wrong field of a zod failure, as `"fraud.max_conversion_rate": …`. */
export function describeSettingsIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]
  const field =
    issue.code === "unrecognized_keys"
      ? [...issue.path, issue.keys.join(", ")].join(".")
      : issue.path.join(".") || "settings"
  return { field, message: issue.message }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function invalidSettings(prefix: string, error: z.ZodError): MedusaError {
  const { field, message } = describeSettingsIssue(error)
  return new MedusaError(MedusaError.Types.INVALID_DATA, `${prefix} "${field}": ${message}`)
}
