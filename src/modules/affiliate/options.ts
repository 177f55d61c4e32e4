import { z } from "@medusajs/framework/zod"
import { invalidSettings, mergeSettings, ProgramSettings, ProgramSettingsPatchSchema } from "./settings"

/**
 * The plugin options, as given in `medusa-config.ts`: the program settings'
 * defaults (see `settings.ts`) plus what only the deployment decides. Every
 * field is optional so the plugin works with no options at all.
 */
export const AffiliateOptionsSchema = ProgramSettingsPatchSchema.extend({
  /** The query parameter a storefront reads the code from (`?ref=CODE`). */
  referral_param: z.string().regex(/^[a-zA-Z0-9_-]+$/).optional(),
  /** Where `/r/CODE` sends a visitor whose link has no target of its own. */
  store_url: z.url().optional(),
  /**
   * The sales channel of the storefront at `store_url`: redirect clicks are
   * recorded (and codes limited to channels checked) under it. Without it,
   * the store's default sales channel.
   */
  store_sales_channel_id: z.string().min(1).optional(),
  /** Signs attribution tokens and salts IP / user-agent hashes. */
  secret: z.string().min(16).optional(),
  /** Set by Medusa itself (the module's database connection), never by hand. */
  database: z.unknown().optional(),
}).strict()

export type AffiliateOptionsInput = z.input<typeof AffiliateOptionsSchema>
export type AffiliateOptions = ProgramSettings & {
  referral_param: string
  store_url: string
  store_sales_channel_id: string | null
  secret: string
}

/**
 * Validates the options, naming the first wrong one, e.g.
 * `Invalid affiliate plugin option "hold_days": Too small: expected number to be >=0`.
 */
export function parseAffiliateOptions(input: unknown): AffiliateOptions {
  const result = AffiliateOptionsSchema.safeParse(input ?? {})
  if (!result.success) {
    throw invalidSettings("Invalid affiliate plugin option", result.error)
  }
  const { referral_param, store_url, store_sales_channel_id, secret, database: _database, ...settings } = result.data
  return {
    ...mergeSettings(settings),
    referral_param: referral_param ?? "ref",
    store_url: store_url ?? process.env.STORE_URL ?? "http://localhost:8000",
    store_sales_channel_id: store_sales_channel_id ?? null,
    // Falls back to the host's JWT secret so a store without the option still
    // signs tokens with something private to it.
    secret: secret ?? process.env.AFFILIATE_SECRET ?? process.env.JWT_SECRET ?? "supersecret",
  }
}
