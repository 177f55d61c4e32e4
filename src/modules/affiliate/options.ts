import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { randomBytes } from "crypto"
import fs from "fs"
import path from "path"
import type { PayoutProviderRegistration } from "../../types/payout-provider"
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
  /**
   * Signs attribution tokens and salts IP / user-agent hashes. Falls back to
   * `AFFILIATE_SECRET`; in production one of them is required, at least
   * `PRODUCTION_SECRET_MIN_LENGTH` characters.
   */
  secret: z.string().min(16).optional(),
  /**
   * Payout providers (F6) besides the built-in `manual`: each a module whose
   * default export is a provider class (see src/types/payout-provider.ts),
   * loaded and checked at boot.
   */
  payout_providers: z
    .array(
      z
        .object({
          resolve: z.string().min(1),
          id: z.string().regex(/^[a-z0-9_-]{1,64}$/, "payout_providers: id is 1 to 64 of a-z, 0-9, _ or -"),
          options: z.record(z.string(), z.unknown()).optional(),
        })
        .strict()
    )
    .optional(),
  /**
   * The partner portal (H9), served by the plugin from the backend: `path`
   * where it is mounted (default `/partners`), `url` its public address as
   * emails link to it (default `AFFILIATE_PORTAL_URL`, else
   * `MEDUSA_BACKEND_URL` + path, else http://localhost:9000 + path);
   * `enabled: false` serves no UI (the portal API stays).
   */
  portal: z
    .object({
      path: z.string().regex(/^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/, "portal.path: a path like /partners").optional(),
      url: z.url().optional(),
      enabled: z.boolean().optional(),
    })
    .strict()
    .optional(),
  /**
   * Partner emails (I2) through Medusa's Notification Module: `channel`
   * (default `email`); `templates` maps an email's name to the provider's
   * template id (default: the name, e.g. `affiliate-invitation`); `disabled`
   * names emails never to send. See src/emails/.
   */
  emails: z
    .object({
      channel: z.string().min(1).max(64).optional(),
      templates: z.record(z.string().regex(/^[a-z_]{1,64}$/, "emails.templates: keys are email names like invitation"), z.string().min(1).max(200)).optional(),
      disabled: z.array(z.string().regex(/^[a-z_]{1,64}$/)).max(50).optional(),
    })
    .strict()
    .optional(),
  /** Set by Medusa itself (the module's database connection), never by hand. */
  database: z.unknown().optional(),
}).strict()

export type AffiliateOptionsInput = z.input<typeof AffiliateOptionsSchema>
export type AffiliateOptions = ProgramSettings & {
  referral_param: string
  store_url: string
  store_sales_channel_id: string | null
  secret: string
  payout_providers: PayoutProviderRegistration[]
  portal: { path: string; url: string; enabled: boolean }
  emails: { channel: string; templates: Record<string, string>; disabled: string[] }
}

/** The shortest `secret` production accepts (32 characters: 192 bits as base64). */
export const PRODUCTION_SECRET_MIN_LENGTH = 32
/** The shortest `secret` anywhere. */
export const SECRET_MIN_LENGTH = 16
/** Where a development install keeps its generated secret, under the project's directory. */
export const DEV_SECRET_FILE = path.join(".medusa-affiliate", "secret")

export type OptionsEnvironment = {
  /** `process.env` by default. */
  env?: Record<string, string | undefined>
  /** The generated development secret's file; `<cwd>/.medusa-affiliate/secret` by default. */
  devSecretFile?: string
}

export type ResolvedAffiliateOptions = {
  options: AffiliateOptions
  /** What boot should say out loud (the module's loader logs them). */
  warnings: string[]
}

/**
 * Validates the options, naming the first wrong one, e.g.
 * `Invalid affiliate plugin option "hold_days": Too small: expected number to be >=0`.
 */
export function parseAffiliateOptions(input: unknown, environment: OptionsEnvironment = {}): AffiliateOptions {
  return resolveAffiliateOptions(input, environment).options
}

/**
 * The options with every default filled in, and the warnings boot should
 * log. In production (`NODE_ENV=production`) a missing or short secret stops
 * boot; elsewhere a missing one is generated once per install and kept in
 * `.medusa-affiliate/secret`, so tokens survive a restart.
 */
export function resolveAffiliateOptions(
  input: unknown,
  { env = process.env, devSecretFile }: OptionsEnvironment = {}
): ResolvedAffiliateOptions {
  const result = AffiliateOptionsSchema.safeParse(input ?? {})
  if (!result.success) {
    throw invalidSettings("Invalid affiliate plugin option", result.error)
  }
  const {
    referral_param,
    store_url,
    store_sales_channel_id,
    secret,
    payout_providers,
    portal,
    emails,
    database: _database,
    ...settings
  } = result.data
  const production = env.NODE_ENV === "production"
  const warnings: string[] = []

  const storeUrl = store_url ?? nonEmpty(env.STORE_URL)
  if (storeUrl && !z.url().safeParse(storeUrl).success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-affiliate: STORE_URL must be a URL, e.g. https://shop.example.com`
    )
  }
  if (!storeUrl && production) {
    warnings.push(
      "medusa-plugin-affiliate: option `store_url` (or STORE_URL) is not set: /r/CODE redirect links send " +
        "visitors to http://localhost:8000. Set it to your storefront's URL."
    )
  }
  return {
    options: {
      ...mergeSettings(settings),
      referral_param: referral_param ?? "ref",
      store_url: storeUrl ?? "http://localhost:8000",
      store_sales_channel_id: store_sales_channel_id ?? null,
      secret: resolveSecret(secret ?? nonEmpty(env.AFFILIATE_SECRET), production, devSecretFile, warnings),
      payout_providers: payout_providers ?? [],
      portal: resolvePortal(portal, env),
      emails: { channel: emails?.channel ?? "email", templates: emails?.templates ?? {}, disabled: emails?.disabled ?? [] },
    },
    warnings,
  }
}

/** Where the portal is mounted and the address emails link to. */
function resolvePortal(
  portal: { path?: string; url?: string; enabled?: boolean } | undefined,
  env: Record<string, string | undefined>
): AffiliateOptions["portal"] {
  const mountPath = portal?.path ?? "/partners"
  const backend = (nonEmpty(env.MEDUSA_BACKEND_URL) ?? "http://localhost:9000").replace(/\/+$/, "")
  const url = (portal?.url ?? nonEmpty(env.AFFILIATE_PORTAL_URL) ?? `${backend}${mountPath}`).replace(/\/+$/, "")
  return { path: mountPath, url, enabled: portal?.enabled ?? true }
}

function resolveSecret(
  given: string | undefined,
  production: boolean,
  devSecretFile: string | undefined,
  warnings: string[]
): string {
  if (production && (given?.length ?? 0) < PRODUCTION_SECRET_MIN_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-affiliate: option \`secret\` (or AFFILIATE_SECRET) must be at least ` +
        `${PRODUCTION_SECRET_MIN_LENGTH} characters in production` +
        (given ? ` (it has ${given.length})` : " (it is not set)") +
        `; e.g. openssl rand -base64 32`
    )
  }
  if (given !== undefined) {
    if (given.length < SECRET_MIN_LENGTH) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-affiliate: AFFILIATE_SECRET must be at least ${SECRET_MIN_LENGTH} characters`
      )
    }
    return given
  }
  const file = path.resolve(devSecretFile ?? DEV_SECRET_FILE)
  warnings.push(
    `medusa-plugin-affiliate: option \`secret\` (or AFFILIATE_SECRET) is not set: using a secret generated ` +
      `for this install, kept in ${file}. Set one before going to production, where it is required.`
  )
  return developmentSecret(file)
}

const generatedSecrets = new Map<string, string>()

/**
 * The install's generated secret: read from its file, or created there the
 * first time (exclusively, so two processes starting at once agree).
 */
function developmentSecret(file: string): string {
  const known = generatedSecrets.get(file)
  if (known) {
    return known
  }
  let secret: string
  try {
    secret = fs.readFileSync(file, "utf8").trim()
  } catch {
    secret = ""
  }
  if (secret.length < PRODUCTION_SECRET_MIN_LENGTH) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    const fresh = randomBytes(32).toString("base64url")
    try {
      fs.writeFileSync(file, fresh + "\n", { flag: "wx", mode: 0o600 })
      secret = fresh
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw e
      }
      // Another process wrote it first (or a short one is there: replace it).
      secret = fs.readFileSync(file, "utf8").trim()
      if (secret.length < PRODUCTION_SECRET_MIN_LENGTH) {
        fs.writeFileSync(file, fresh + "\n", { mode: 0o600 })
        secret = fresh
      }
    }
  }
  generatedSecrets.set(file, secret)
  return secret
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined
}
