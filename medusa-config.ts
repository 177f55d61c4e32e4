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
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
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
        secret: process.env.AFFILIATE_SECRET || "development-affiliate-secret",
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
    ...redisModules,
  ],
})
