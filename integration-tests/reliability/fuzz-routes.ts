import fs from "node:fs"
import path from "node:path"

/**
 * Every route of the plugin, with who it is for and a valid request to
 * mutate. The fuzzer covers exactly this list, and fails when a `route.ts`
 * under `src/api` exports a method that is not in it (`routesInSource`).
 */

/** The ids the fixtures created, for path parameters and valid bodies. */
export type Fixtures = {
  affiliateId: string
  partnerId: string
  code: string
  codeId: string
  linkId: string
  partnerLinkId: string
  ruleId: string
  payoutId: string
  lineId: string
  cartId: string
  productId: string
}

export type Credential = "none" | "admin" | "partner" | "customer" | "login"

export type RouteSpec = {
  method: "GET" | "POST" | "DELETE"
  /** Express path: `:id`, `:code`, `:sub_id`. */
  path: string
  /** Who the route is for: an admin, a partner (actor `affiliate`), a shopper, a fresh partner login, or anyone. */
  for: Credential | "shopper"
  params?: (f: Fixtures) => Record<string, string>
  /** A valid body to mutate. */
  body?: (f: Fixtures) => Record<string, unknown>
  /** A valid query to mutate. */
  query?: (f: Fixtures) => Record<string, string>
}

const affiliate = (f: Fixtures) => ({ id: f.affiliateId })
const today = new Date().toISOString().slice(0, 10)
const listQuery = () => ({ limit: "10", offset: "0", order: "-created_at" })

export const PLUGIN_ROUTES: RouteSpec[] = [
  // Admin: affiliates
  {
    method: "GET",
    path: "/admin/affiliates",
    for: "admin",
    query: () => ({ ...listQuery(), order: "-earnings", currency_code: "usd", q: "ada", status: "active", is_internal: "false" }),
  },
  {
    method: "POST",
    path: "/admin/affiliates",
    for: "admin",
    body: () => ({
      name: "Fuzz",
      email: "fuzz@partners.test",
      company: "ACME",
      website: "https://acme.test",
      commission_rate: 5,
      code: "FUZZ1",
      payout_details: { method: "paypal", email: "fuzz@pay.test" },
    }),
  },
  { method: "GET", path: "/admin/affiliates/:id", for: "admin", params: affiliate, query: () => ({ fields: "id,name" }) },
  {
    method: "POST",
    path: "/admin/affiliates/:id",
    for: "admin",
    params: affiliate,
    body: () => ({ company: "ACME", metadata: { tier: "gold" }, parent_commission_ends_at: "2030-01-01" }),
  },
  { method: "GET", path: "/admin/affiliates/:id/payout-details", for: "admin", params: affiliate },
  {
    method: "POST",
    path: "/admin/affiliates/:id/payout-details",
    for: "admin",
    params: affiliate,
    body: () => ({ method: "bank_transfer", account_holder_name: "Ada", iban: "DE89370400440532013000", bic: "COBADEFFXXX", bank_name: "Bank", country: "DE" }),
  },
  { method: "POST", path: "/admin/affiliates/:id/approve", for: "admin", params: affiliate, body: () => ({ reason: "Fuzz" }) },
  { method: "POST", path: "/admin/affiliates/:id/invite", for: "admin", params: affiliate },
  { method: "POST", path: "/admin/affiliates/:id/reject", for: "admin", params: affiliate, body: () => ({ reason: "Fuzz" }) },
  { method: "POST", path: "/admin/affiliates/:id/suspend", for: "admin", params: affiliate, body: () => ({ reason: "Fuzz" }) },
  { method: "POST", path: "/admin/affiliates/:id/deactivate", for: "admin", params: affiliate, body: () => ({ reason: "Fuzz" }) },
  {
    method: "GET",
    path: "/admin/affiliates/:id/audit-log",
    for: "admin",
    params: affiliate,
    query: () => ({ limit: "10", offset: "0", action: "affiliate.created", created_at: "2026-01-01" }),
  },
  { method: "GET", path: "/admin/affiliates/:id/balances", for: "admin", params: affiliate, query: () => ({ currency_code: "usd" }) },
  { method: "GET", path: "/admin/affiliates/:id/codes", for: "admin", params: affiliate, query: listQuery },
  {
    method: "POST",
    path: "/admin/affiliates/:id/codes",
    for: "admin",
    params: affiliate,
    body: () => ({ code: "FUZZCODE", aliases: ["FUZZALIAS"], expires_at: "2030-01-01T00:00:00Z", metadata: { a: 1 } }),
  },
  { method: "GET", path: "/admin/affiliates/:id/links", for: "admin", params: affiliate },
  {
    method: "POST",
    path: "/admin/affiliates/:id/links",
    for: "admin",
    params: affiliate,
    body: () => ({ sub_id: "fuzz", name: "Fuzz", target_url: "/products/x", utm_source: "fuzz" }),
  },
  {
    method: "POST",
    path: "/admin/affiliates/:id/adjustments",
    for: "admin",
    params: affiliate,
    body: () => ({ type: "adjustment", amount: 12.5, currency_code: "usd", reason: "fuzz", status: "approved" }),
  },
  {
    method: "POST",
    path: "/admin/affiliates/:id/payouts",
    for: "admin",
    params: affiliate,
    body: () => ({ amount: 1, currency_code: "usd", allow_exceeding_balance: true, method: "bank", note: "fuzz" }),
  },
  // Admin: codes, links, commission lines, balances, payouts, rules, settings, reports
  {
    method: "POST",
    path: "/admin/affiliate-codes/:id",
    for: "admin",
    params: (f) => ({ id: f.codeId }),
    body: () => ({ is_active: true, expires_at: null, sales_channel_ids: null }),
  },
  { method: "POST", path: "/admin/affiliate-links/:id", for: "admin", params: (f) => ({ id: f.linkId }), body: () => ({ name: "Renamed", target_url: "/sale" }) },
  { method: "DELETE", path: "/admin/affiliate-links/:id", for: "admin", params: (f) => ({ id: f.linkId }) },
  {
    method: "GET",
    path: "/admin/affiliate-commissions",
    for: "admin",
    query: (f) => ({ ...listQuery(), affiliate_id: f.affiliateId, "created_at[$gte]": "2020-01-01" }),
  },
  {
    method: "GET",
    path: "/admin/affiliate-commissions/export",
    for: "admin",
    query: (f) => ({ affiliate_id: f.affiliateId, status: "approved", "created_at[$gte]": "2020-01-01" }),
  },
  ...(["approve", "reject", "hold", "release"] as const).map(
    (action): RouteSpec => ({
      method: "POST",
      path: `/admin/affiliate-commissions/${action}`,
      for: "admin",
      body: (f) => ({ ids: [f.lineId], reason: "fuzz" }),
    })
  ),
  { method: "GET", path: "/admin/affiliate-balances", for: "admin", query: () => ({ currency_code: "usd", payable: "true" }) },
  { method: "GET", path: "/admin/affiliate-payouts", for: "admin", query: (f) => ({ ...listQuery(), affiliate_id: f.affiliateId, status: "paid" }) },
  { method: "GET", path: "/admin/affiliate-payouts/:id", for: "admin", params: (f) => ({ id: f.payoutId }) },
  {
    method: "GET",
    path: "/admin/affiliate-payouts/export",
    for: "admin",
    query: (f) => ({ format: "paypal", currency_code: "usd", affiliate_id: f.affiliateId, "created_at[$gte]": "2020-01-01" }),
  },
  // Payout actions (issue 10): the fixture's payout is paid, so most are refused (400), never a 5xx.
  { method: "POST", path: "/admin/affiliate-payouts/:id/mark-paid", for: "admin", params: (f) => ({ id: f.payoutId }), body: () => ({ external_reference: "TX-1", note: "fuzz" }) },
  { method: "POST", path: "/admin/affiliate-payouts/:id/fail", for: "admin", params: (f) => ({ id: f.payoutId }), body: () => ({ reason: "bounced" }) },
  { method: "POST", path: "/admin/affiliate-payouts/:id/cancel", for: "admin", params: (f) => ({ id: f.payoutId }), body: () => ({ reason: "fuzz" }) },
  { method: "POST", path: "/admin/affiliate-payouts/:id/retry", for: "admin", params: (f) => ({ id: f.payoutId }), body: () => ({ provider_id: "manual", note: "fuzz" }) },
  { method: "GET", path: "/admin/affiliate-payout-batches", for: "admin", query: () => ({ ...listQuery(), currency_code: "usd" }) },
  { method: "POST", path: "/admin/affiliate-payout-batches", for: "admin", body: (f) => ({ currency_code: "usd", affiliate_ids: [f.affiliateId], provider_id: "manual", note: "fuzz" }) },
  { method: "GET", path: "/admin/affiliate-payout-batches/:id", for: "admin", params: () => ({ id: "afpbat_fuzz" }) },
  { method: "POST", path: "/hooks/affiliate-payouts/:provider_id", for: "none", params: () => ({ provider_id: "sandbox" }), body: (f) => ({ payout_id: f.payoutId, status: "paid" }) },
  { method: "GET", path: "/admin/affiliate-payout-providers", for: "admin" },
  // Widgets on Medusa's order and customer pages (issue 11): a well-formed unknown id is a 404.
  { method: "GET", path: "/admin/orders/:id/affiliate-attribution", for: "admin", params: () => ({ id: "order_01FUZZ" }) },
  { method: "GET", path: "/admin/customers/:id/affiliate-binding", for: "admin", params: () => ({ id: "cus_01FUZZ" }) },
  // Admin: creatives (G8) and product participation (D8)
  {
    method: "GET",
    path: "/admin/affiliate-creatives",
    for: "admin",
    query: (f) => ({ ...listQuery(), type: "banner", product_id: f.productId, is_active: "true", q: "spring" }),
  },
  {
    method: "POST",
    path: "/admin/affiliate-creatives",
    for: "admin",
    body: (f) => ({ type: "text_link", name: "Fuzz", product_id: f.productId, link_text: "Shop now", landing_url: "/products/x", is_active: true }),
  },
  { method: "GET", path: "/admin/affiliate-creatives/:id", for: "admin", params: () => ({ id: "afcre_01FUZZ" }) },
  {
    method: "POST",
    path: "/admin/affiliate-creatives/:id",
    for: "admin",
    params: () => ({ id: "afcre_01FUZZ" }),
    body: () => ({ name: "Fuzz", html: "<a href=\"/\">Shop</a>", is_active: false }),
  },
  { method: "DELETE", path: "/admin/affiliate-creatives/:id", for: "admin", params: () => ({ id: "afcre_01FUZZ" }) },
  { method: "GET", path: "/admin/products/:id/affiliate-program", for: "admin", params: (f) => ({ id: f.productId }) },
  {
    method: "POST",
    path: "/admin/products/:id/affiliate-program",
    for: "admin",
    params: (f) => ({ id: f.productId }),
    body: () => ({ in_program: true, visible_in_portal: true, landing_url: "/products/x" }),
  },
  { method: "GET", path: "/admin/affiliate-rules", for: "admin", query: () => ({ ...listQuery(), scope: "program", level: "0" }) },
  {
    method: "POST",
    path: "/admin/affiliate-rules",
    for: "admin",
    body: (f) => ({ scope: "product", product_id: f.productId, rate: 12, window_days: 30 }),
  },
  { method: "GET", path: "/admin/affiliate-rules/:id", for: "admin", params: (f) => ({ id: f.ruleId }) },
  { method: "POST", path: "/admin/affiliate-rules/:id", for: "admin", params: (f) => ({ id: f.ruleId }), body: () => ({ rate: 7, tiers: [{ threshold: 100, rate: 9 }], tier_metric: "revenue" }) },
  { method: "DELETE", path: "/admin/affiliate-rules/:id", for: "admin", params: (f) => ({ id: f.ruleId }) },
  { method: "GET", path: "/admin/affiliate-settings", for: "admin" },
  {
    method: "POST",
    path: "/admin/affiliate-settings",
    for: "admin",
    body: () => ({ hold_days: 14, minimum_payout: { usd: 50 }, fraud: { max_clicks_per_ip_per_day: 50 } }),
  },
  { method: "DELETE", path: "/admin/affiliate-settings", for: "admin" },
  {
    method: "GET",
    path: "/admin/affiliate-reports",
    for: "admin",
    query: () => ({ from: "2026-01-01", to: today, group_by: "affiliate", order_by: "revenue", limit: "10", currency_code: "usd" }),
  },
  {
    method: "GET",
    path: "/admin/affiliate-audit-log",
    for: "admin",
    query: (f) => ({ limit: "10", offset: "0", actor_type: "user", target_type: "affiliate", affiliate_id: f.affiliateId }),
  },
  { method: "GET", path: "/admin/affiliate-reports/summary", for: "admin", query: (f) => ({ from: "2026-01-01", to: today, affiliate_id: f.affiliateId }) },
  // Partner portal
  { method: "POST", path: "/affiliate-account/register", for: "login", body: () => ({ name: "Fuzz", company: "ACME", website: "https://acme.test", phone: "123" }) },
  // Public account routes (issue 12): a made-up token is a 400, never a 5xx.
  { method: "GET", path: "/affiliate-account/program", for: "none" },
  { method: "POST", path: "/affiliate-account/verify-email", for: "none", body: () => ({ token: "fuzz-token" }) },
  { method: "POST", path: "/affiliate-account/invitations/check", for: "none", body: () => ({ token: "fuzz-token" }) },
  { method: "POST", path: "/affiliate-account/invitations/accept", for: "none", body: () => ({ token: "fuzz-token", password: "supersecret" }) },
  { method: "GET", path: "/affiliate/me", for: "partner" },
  { method: "POST", path: "/affiliate/me", for: "partner", body: () => ({ company: "ACME", locale: "ru" }) },
  { method: "POST", path: "/affiliate/me/terms", for: "partner", body: () => ({ version: 1 }) },
  { method: "POST", path: "/affiliate/me/resend-verification", for: "partner" },
  { method: "GET", path: "/affiliate/alerts", for: "partner" },
  { method: "GET", path: "/affiliate/me/payout-details", for: "partner" },
  { method: "POST", path: "/affiliate/me/payout-details", for: "partner", body: () => ({ method: "paypal", email: "fuzz@partners.test" }) },
  { method: "GET", path: "/affiliate/reports", for: "partner", query: () => ({ from: "2026-01-01", to: today, group_by: "day" }) },
  { method: "GET", path: "/affiliate/reports/summary", for: "partner", query: () => ({ from: "2026-01-01", to: today }) },
  { method: "GET", path: "/affiliate/links", for: "partner" },
  { method: "POST", path: "/affiliate/links", for: "partner", body: () => ({ sub_id: "pfuzz", target_url: "http://localhost:8000/x", utm_campaign: "c" }) },
  { method: "POST", path: "/affiliate/links/:id", for: "partner", params: (f) => ({ id: f.partnerLinkId }), body: () => ({ name: "Mine", target_url: "/y" }) },
  { method: "DELETE", path: "/affiliate/links/:id", for: "partner", params: (f) => ({ id: f.partnerLinkId }) },
  // Partner portal reads (issue 12)
  { method: "GET", path: "/affiliate/dashboard", for: "partner", query: () => ({ days: "30" }) },
  { method: "GET", path: "/affiliate/codes", for: "partner" },
  { method: "GET", path: "/affiliate/destinations", for: "partner", query: () => ({ q: "shirt", limit: "10", offset: "0" }) },
  { method: "GET", path: "/affiliate/customers", for: "partner", query: () => ({ limit: "10", offset: "0" }) },
  {
    method: "GET",
    path: "/affiliate/commissions",
    for: "partner",
    query: () => ({ status: "pending", type: "sale", currency_code: "usd", from: "2026-01-01", to: today, limit: "10", offset: "0" }),
  },
  { method: "GET", path: "/affiliate/commissions/export", for: "partner", query: () => ({ status: "approved", from: "2026-01-01", to: today }) },
  { method: "GET", path: "/affiliate/balances", for: "partner", query: () => ({ currency_code: "usd" }) },
  { method: "GET", path: "/affiliate/payouts", for: "partner", query: () => ({ status: "paid", limit: "10", offset: "0" }) },
  { method: "GET", path: "/affiliate/payouts/export", for: "partner", query: () => ({ status: "paid" }) },
  // The fixture's payout is another partner's: a 404, like an unknown id.
  { method: "GET", path: "/affiliate/payouts/:id", for: "partner", params: (f) => ({ id: f.payoutId }) },
  { method: "GET", path: "/affiliate/creatives", for: "partner", query: (f) => ({ type: "banner", product_id: f.productId }) },
  // Store and redirects
  {
    method: "POST",
    path: "/store/referrals/clicks",
    for: "shopper",
    body: (f) => ({ code: f.code, landing_url: "http://localhost:8000/", utm_source: "fuzz", sub_id: "s" }),
  },
  { method: "POST", path: "/store/referrals/leads", for: "customer", body: (f) => ({ code: f.code }) },
  { method: "GET", path: "/store/referrals/codes/:code", for: "shopper", params: (f) => ({ code: f.code }) },
  { method: "GET", path: "/store/carts/:id/referral", for: "shopper", params: (f) => ({ id: f.cartId }) },
  { method: "POST", path: "/store/carts/:id/referral", for: "shopper", params: (f) => ({ id: f.cartId }), body: (f) => ({ code: f.code }) },
  { method: "DELETE", path: "/store/carts/:id/referral", for: "shopper", params: (f) => ({ id: f.cartId }) },
  { method: "GET", path: "/r/:code", for: "none", params: (f) => ({ code: f.code }), query: () => ({ utm_source: "fuzz" }) },
  { method: "GET", path: "/r/:code/:sub_id", for: "none", params: (f) => ({ code: f.code, sub_id: "fuzz" }) },
]

/** `METHOD /path` of every route file under `src/api`, from its exports. */
export function routesInSource(root: string): string[] {
  const api = path.join(root, "src", "api")
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const route = "/" + path.relative(api, dir).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g)) {
          found.push(`${method} ${route}`)
        }
      }
    }
  }
  walk(api)
  return found.sort()
}
