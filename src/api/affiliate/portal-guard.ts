import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

// TEMP until the prefix guard lands: the accounts helper's one
// `authenticate("affiliate", ["session","bearer"])` on `/affiliate/*` replaces
// this file (delete it and its line in src/api/middlewares.ts).
const partner = authenticate("affiliate", ["session", "bearer"])

export const TEMP_PORTAL_READ_GUARD: MiddlewareRoute[] = [
  "/affiliate/dashboard",
  "/affiliate/codes",
  "/affiliate/destinations",
  "/affiliate/customers",
  "/affiliate/commissions*",
  "/affiliate/balances",
  "/affiliate/payouts*",
  "/affiliate/creatives",
].map((matcher) => ({ method: ["GET"], matcher, middlewares: [partner] }))
