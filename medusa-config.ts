import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import path from "path"

/**
 * The development and test host. It loads the plugin straight from `src/`:
 * the module is registered below, and `src/{api,subscribers,jobs,workflows,links,admin}`
 * load as this project's own customizations, exactly as they load from the
 * built package in a store that installs the plugin.
 */
loadEnv(process.env.NODE_ENV || "development", process.cwd())

const REDIS_URL = process.env.REDIS_URL
const PRODUCTION = process.env.NODE_ENV === "production"

/**
 * A secret from the environment. In production it must be set and long: a
 * public fallback would let anyone sign admin sessions or attribution tokens.
 * In development Medusa's own default is fine.
 */
function secretFromEnv(name: string, developmentDefault: string): string {
  const value = process.env[name]?.trim()
  if (PRODUCTION && (!value || value.length < 32)) {
    throw new Error(
      `medusa-config.ts: ${name} must be set to at least 32 characters in production (e.g. openssl rand -base64 32)`
    )
  }
  return value || developmentDefault
}

// With REDIS_URL the host runs Medusa's production profile: Redis event bus,
// workflow engine, cache and locking. Without it everything is in memory.
const redisModules = REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: secretFromEnv("JWT_SECRET", "supersecret"),
      cookieSecret: secretFromEnv("COOKIE_SECRET", "supersecret"),
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/affiliate",
      options: {
        attribution_window_days: 30,
        hold_days: 30,
        default_commission_rate: 10,
        minimum_payout: 0,
        // No fallback: without AFFILIATE_SECRET the plugin generates a secret
        // per install in development and refuses to boot in production.
        secret: process.env.AFFILIATE_SECRET || undefined,
        // A payout provider with nothing behind it, for development and the
        // tests (F6): pays, fails or pays later by rules on the recipient.
        payout_providers: [
          { resolve: path.join(__dirname, "dev", "payout-sandbox"), id: "sandbox", options: { fail_at_or_above: 100000 } },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      key: Modules.PAYMENT,
      options: {
        providers: [
          {
            // A card-like provider that captures when the payment is authorized,
            // for "paid at checkout" in the demo store and the tests.
            // Absolute: Medusa reads "./x" as "./src/x", and this provider is
            // part of the development host, not of the plugin.
            resolve: path.join(__dirname, "dev", "providers", "auto-capture"),
            id: "autocapture",
          },
        ],
      },
    },
    {
      // Partner emails (I2) go to the local provider, which writes them to the
      // log (and the `notification` table): the dev store's "inbox". A store
      // puts SendGrid, Resend… here on the `email` channel.
      resolve: "@medusajs/medusa/notification",
      key: Modules.NOTIFICATION,
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["email", "feed"] },
          },
        ],
      },
    },
    ...redisModules,
  ],
})
