import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

const nonNegativeAmount = z.number().nonnegative().finite()

/**
 * The plugin options, as given in `medusa-config.ts`. Every field has a default
 * so the plugin works with no options at all.
 */
export const AffiliateOptionsSchema = z
  .object({
    /** Days a click or code keeps crediting its affiliate. */
    attribution_window_days: z.number().int().positive().default(30),
    /** Days a paid line waits (the refund window) before it is approved. */
    hold_days: z.number().int().nonnegative().default(30),
    /** Percent of the order's base paid when no other rate applies. */
    default_commission_rate: z.number().min(0).max(100).default(10),
    /** Smallest payout: one figure for every currency, or per currency code. */
    minimum_payout: z
      .union([nonNegativeAmount, z.record(z.string().length(3), nonNegativeAmount)])
      .default(0),
    /** The query parameter a storefront reads the code from (`?ref=CODE`). */
    referral_param: z.string().regex(/^[a-zA-Z0-9_-]+$/).default("ref"),
    /** Which click wins when a shopper clicked several links. */
    attribution_model: z.enum(["last_click", "first_click"]).default("last_click"),
    /**
     * Lifetime attribution (C6): a customer's later orders without a code or
     * click are credited to the affiliate of their first attributed order.
     */
    lifetime_attribution: z.boolean().default(true),
    /** What the commission base leaves out; each defaults to true. */
    exclude_from_base: z
      .object({
        shipping: z.boolean().default(true),
        tax: z.boolean().default(true),
        discounts: z.boolean().default(true),
        gift_cards: z.boolean().default(true),
      })
      .strict()
      .default({ shipping: true, tax: true, discounts: true, gift_cards: true }),
    /** The deepest parent level that can earn an override (D6); 0 turns overrides off. */
    max_levels: z.number().int().min(0).max(10).default(3),
    /** Signs attribution tokens and salts IP / user-agent hashes. */
    secret: z.string().min(16).optional(),
    /** Set by Medusa itself (the module's database connection), never by hand. */
    database: z.unknown().optional(),
  })
  .strict()

export type AffiliateOptionsInput = z.input<typeof AffiliateOptionsSchema>
export type AffiliateOptions = z.output<typeof AffiliateOptionsSchema> & {
  secret: string
}

/**
 * Validates the options, naming the first wrong one, e.g.
 * `Invalid affiliate plugin option "hold_days": Too small: expected number to be >=0`.
 */
export function parseAffiliateOptions(input: unknown): AffiliateOptions {
  const result = AffiliateOptionsSchema.safeParse(input ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    const name =
      issue.code === "unrecognized_keys"
        ? issue.keys.join(", ")
        : issue.path.join(".") || "options"
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid affiliate plugin option "${name}": ${issue.message}`
    )
  }
  return {
    ...result.data,
    // Falls back to the host's JWT secret so a store without the option still
    // signs tokens with something private to it.
    secret:
      result.data.secret ?? process.env.AFFILIATE_SECRET ?? process.env.JWT_SECRET ?? "supersecret",
  }
}
