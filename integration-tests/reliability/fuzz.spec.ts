import path from "node:path"
import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../helpers/admin"
import { createAffiliateWithCode } from "../helpers/affiliates"
import { createCart, registerCustomer, storeHeaders } from "../helpers/checkout"
import { createDemoStore } from "../../dev/demo-store"
import { type Credential, type Fixtures, PLUGIN_ROUTES, type RouteSpec, routesInSource } from "./fuzz-routes"

/**
 * The hostile-input fuzzer (issue 9): every route and method of the plugin,
 * with an admin's, a partner's, a shopper's, a fresh login's and no
 * credentials, and bodies, queries and path parameters made of NUL bytes,
 * control characters, emoji, lone surrogates, huge strings, huge, negative
 * and non-finite numbers, wrong types, unknown keys, arrays for objects, bad
 * dates, bad ids and odd Idempotency-Key headers. It asserts that no request answers 5xx and that a
 * refused request (4xx) writes nothing: every `affiliate*` table's row
 * count, latest `updated_at` and a checksum of its rows are the same after
 * it as before.
 *
 * FUZZ_SEED and FUZZ_RUNS (cases per route and method) change the budget.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 150)
const ROOT = path.resolve(__dirname, "..", "..")

jest.setTimeout(600_000)

// Values no field should choke on.
const HOSTILE_STRINGS = [
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "\r\nX-Injected: 1",
  "\u0007\u001b[31mred",
  "\u202Eevil",
  "😀",
  "👨‍👩‍👧‍👦".repeat(20),
  "\ud800",
  "a\udfffb",
  "x".repeat(70),
  "x".repeat(5_000),
  "y".repeat(100_000),
  "'; DROP TABLE affiliate; --",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%00",
  "%E2%9C%93",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "http://localhost:8000.evil.com",
  "http://localhost:8000%40evil.com",
  "//evil.com",
  "null",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "0001-01-01",
  "2026-02-30",
  "2026-04-31",
  "9999-12-31T23:59:59Z",
  "275760-09-13",
  "aff_" + "z".repeat(80),
  "USD",
  "nan",
  "__proto__",
  "constructor",
]

const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e12,
  1e12 + 0.01,
  1e13,
  -1,
  -0.5,
  0,
  0.001,
  10.005,
  2 ** 31,
  3650,
  3651,
]

// What PostgreSQL itself refuses (NUL in text, an unpaired surrogate in jsonb): the values most likely to reach a 500.
const DATABASE_BREAKERS = ["a\u0000b", "\u0000", "x\u0000".repeat(3), "\ud800", "a\udfffb", "\u0000\ud800"]

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DATABASE_BREAKERS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) }
)
const hostileNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.integer() }
)
const scalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null))
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, scalar, { maxKeys: 4 }) },
  // 150 ids: past every list bound.
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 150 }, (_, i) => `id_${i}`)) },
  // 6 levels deep: past the JSON depth bound.
  { weight: 1, arbitrary: fc.constant({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }) }
)

// Dates that match YYYY-MM-DD but aren't (February 30th, month 13, year 0), and real ones at the edges.
const pad = (n: number, width: number) => String(n).padStart(width, "0")
const badDate = fc.oneof(
  fc.constantFrom("2026-02-30", "2026-04-31", "0001-01-01", "0000-00-00", "1969-12-31", "9999-12-31", "2026-13-01", "275760-09-13"),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
)

/** A hostile query value, most often shaped like `valid` (a date for a date, a number for a number). */
function hostileQueryValue(valid: string | undefined): fc.Arbitrary<string> {
  const anything = fc.oneof({ weight: 3, arbitrary: hostileString.map(String) }, { weight: 1, arbitrary: hostileNumber.map(String) })
  if (valid && /^\d{4}-\d{2}-\d{2}/.test(valid)) return fc.oneof({ weight: 3, arbitrary: badDate }, { weight: 1, arbitrary: anything })
  if (valid && /^-?\d+$/.test(valid)) return fc.oneof({ weight: 3, arbitrary: hostileNumber.map(String) }, { weight: 1, arbitrary: anything })
  return anything
}

/** A hostile value, most often of the same type as `valid` (so the rest of the body stays valid and it reaches deepest). */
function hostileLike(valid: unknown): fc.Arbitrary<unknown> {
  if (typeof valid === "string") return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue })
  if (typeof valid === "number") return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileValue })
  if (Array.isArray(valid)) return fc.oneof(fc.array(hostileString, { maxLength: 3 }), hostileValue)
  if (valid && typeof valid === "object") {
    return fc.oneof(
      fc.constantFrom(...Object.keys(valid)).chain((key) => hostileLike((valid as any)[key]).map((value) => ({ ...valid, [key]: value }))),
      hostileValue
    )
  }
  return hostileValue
}

// Every field name a body or query of the plugin takes, and a few it doesn't.
const FIELD_NAMES = [
  "name", "email", "company", "website", "phone", "status", "is_internal", "commission_rate", "customer_id",
  "parent_id", "sales_channel_ids", "parent_commission_ends_at", "payout_method", "payout_details", "metadata",
  "account_holder_name", "iban", "account_number", "bic", "bank_name", "country", "wallet_address", "network", "instructions",
  "code", "aliases", "is_active", "expires_at", "promotion_id", "currency_code", "amount", "allow_exceeding_balance",
  "method", "external_reference", "note", "type", "reason", "order_id", "ids", "sub_id", "target_url", "utm_source",
  "utm_medium", "utm_campaign", "utm_term", "utm_content", "code_id", "scope", "kind", "affiliate_id", "product_id",
  "level", "rate", "amounts", "excluded", "tiers", "tier_metric", "tier_period_days", "window_days",
  "first_order_only", "new_customers_only", "hold_days", "attribution_window_days", "attribution_model",
  "minimum_payout", "fraud", "max_levels", "click_retention_days", "exclude_from_base", "token", "landing_url",
  "referrer", "__proto__", "role", "id", "created_at", "deleted_at",
]
const QUERY_NAMES = [
  "limit", "offset", "order", "fields", "q", "id", "status", "email", "parent_id", "is_internal", "affiliate_id",
  "order_id", "payout_id", "type", "currency_code", "created_at", "format", "created_at[$gte]", "created_at[$lt]",
  "created_at[$foo]", "from", "to", "group_by", "order_by", "payable", "scope", "level", "with_deleted",
  "id[]", "a.b.c", "utm_source", "__proto__",
]

// Path parameters: percent-encoded junk (raw control characters can't be sent on the wire).
const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "%0d%0aX-Injected:%201",
  "%E2%9C%93",
  "%F0%9F%98%80",
  "%ED%A0%80",
  "%",
  "%zz",
  "%E0%A4%A",
  "..%2F..%2Fetc",
  "x".repeat(300),
  "aff_does_not_exist",
  "-1",
  "NaN",
  "%20",
  "__proto__",
  "%27%20OR%201%3D1",
]

type Case = {
  credential: Credential
  /** An Idempotency-Key header (money routes take one), printable ASCII as HTTP allows. */
  idempotencyKey: string | null
  params: Record<string, string> | null
  query: [string, string][] | null
  rawQuery: string | null
  body: { kind: "json"; value: unknown } | { kind: "raw"; value: string } | null
}

const RAW_BODIES = [
  '{"amount": 1e400, "currency_code": "usd", "type": "adjustment", "reason": "raw"}',
  '{"name": "unterminated',
  "[1,2,3]",
  '"just a string"',
  "null",
  '{"a":' + "[".repeat(5000) + "]".repeat(5000) + "}",
  '{"__proto__": {"admin": true}, "name": "p"}',
  '{"name": "dup", "name": "dup2", "email": "d@d.test"}',
]

function credentialArb(route: RouteSpec) {
  const own: Credential = route.for === "shopper" ? "none" : route.for
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: fc.constantFrom<Credential>("none", "admin", "partner", "customer", "login") }
  )
}

function caseArb(route: RouteSpec, fixtures: Fixtures): fc.Arbitrary<Case> {
  const validParams = route.params?.(fixtures) ?? null
  const params = validParams
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant(validParams) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom(...Object.keys(validParams)), fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.string({ maxLength: 20 }).map(encode)))
            .map(([key, value]) => ({ ...validParams, [key]: value })),
        }
      )
    : fc.constant(null)

  const validQuery = Object.entries(route.query?.(fixtures) ?? {})
  const validValue = (key: string) => validQuery.find(([k]) => k === key)?.[1]
  const mutate = (keys: fc.Arbitrary<string>) =>
    keys
      .chain((key) => fc.tuple(fc.constant(key), hostileQueryValue(validValue(key))))
      .map(([key, value]) => [...validQuery.filter(([k]) => k !== key), [key, value]] as [string, string][])
  const query = fc.oneof(
    { weight: 1, arbitrary: fc.constant(validQuery) },
    // One of the route's own parameters made hostile: the rest stays valid.
    ...(validQuery.length ? [{ weight: 3, arbitrary: mutate(fc.constantFrom(...validQuery.map(([key]) => key))) }] : []),
    { weight: 2, arbitrary: mutate(fc.constantFrom(...QUERY_NAMES)) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), hostileQueryValue(undefined)), { maxLength: 4 }) }
  )
  const rawQuery = fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("limit=1&limit=2", "%", "a[b][c][d][e]=1", "order[$ne]=x", "created_at[$gte][$lt]=1", "fields[]=id&fields[]=%00") }
  )

  const validBody = route.body?.(fixtures)
  const body: fc.Arbitrary<Case["body"]> =
    route.method === "GET"
      ? fc.constant(null)
      : fc.oneof(
          // A valid body with one field made hostile: reaches deepest.
          ...(validBody
            ? [
                {
                  weight: 5,
                  arbitrary: fc
                    .constantFrom(...Object.keys(validBody))
                    .chain((key) => fc.tuple(fc.constant(key), hostileLike(validBody[key])))
                    .map(([key, value]) => ({ kind: "json" as const, value: { ...validBody, [key]: value } })),
                },
                {
                  weight: 1,
                  arbitrary: fc
                    .tuple(fc.constantFrom(...FIELD_NAMES), hostileValue)
                    .map(([key, value]) => ({ kind: "json" as const, value: { ...validBody, [key]: value } })),
                },
                { weight: 1, arbitrary: fc.constant({ kind: "json" as const, value: validBody }) },
              ]
            : [{ weight: 1, arbitrary: fc.constant({ kind: "json" as const, value: {} }) }]),
          {
            weight: 2,
            arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 5 }).map((value) => ({ kind: "json" as const, value })),
          },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((value) => ({ kind: "raw" as const, value })) },
          { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: "json" as const, value: [value] })) }
        )

  const idempotencyKey = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("", "k".repeat(5_000), "' OR 1=1 --", "../../x", "%00", "fuzz-key-1") },
    { weight: 1, arbitrary: fc.uuid() }
  )
  return fc.record({ credential: credentialArb(route), idempotencyKey, params, query, rawQuery, body })
}

/** Percent-encodes a value; a lone surrogate (which encodeURIComponent refuses) goes as its raw UTF-8 bytes, invalid ones. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return value
      .split(/(\p{Cs})/u)
      .map((part) => (/^\p{Cs}$/u.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
      .join("")
  }
}

function urlOf(route: RouteSpec, c: Case): string {
  let url = route.path
  for (const [key, value] of Object.entries(c.params ?? {})) {
    // Hostile segments are already percent-encoded; fixture ids need none.
    url = url.replace(`:${key}`, value)
  }
  const query = (c.query ?? []).map(([key, value]) => `${encode(key).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encode(value)}`)
  if (c.rawQuery) query.push(c.rawQuery)
  return query.length ? `${url}?${query.join("&")}` : url
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("covers every route and method in src/api", () => {
      const listed = PLUGIN_ROUTES.map((route) => `${route.method} ${route.path}`).sort()
      expect(listed).toEqual(routesInSource(ROOT))
    })

    it("answers no hostile request with a 5xx, and a refused one writes nothing", async () => {
      const container = getContainer()
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any

      // Fixtures: one of each thing a path parameter can name.
      const store = await createDemoStore(container)
      const admin = await createAdminUser(container)
      const adminAuth = { authorization: admin.headers.authorization }
      const { affiliate, code } = await createAffiliateWithCode(api, admin, { code: "FUZZ" })
      const { data: partnerSignup } = await api.post("/auth/affiliate/emailpass/register", { email: "partner@fuzz.test", password: "supersecret" })
      await api.post("/affiliate-account/register", { name: "Partner" }, { headers: { authorization: `Bearer ${partnerSignup.token}` } })
      const { data: partnerLogin } = await api.post("/auth/affiliate/emailpass", { email: "partner@fuzz.test", password: "supersecret" })
      const partnerAuth = { authorization: `Bearer ${partnerLogin.token}` }
      const { data: me } = await api.get("/affiliate/me", { headers: partnerAuth })
      await api.post(`/admin/affiliates/${me.affiliate.id}/approve`, {}, admin)
      await api.post(`/admin/affiliates/${me.affiliate.id}/codes`, { code: "PFUZZ" }, admin)
      const { data: freshLogin } = await api.post("/auth/affiliate/emailpass/register", { email: "fresh@fuzz.test", password: "supersecret" })
      const customer = await registerCustomer(api, store.publishableKey, "shopper@fuzz.test")
      const { data: link } = await api.post(`/admin/affiliates/${affiliate.id}/links`, { sub_id: "main" }, admin)
      const { data: partnerLink } = await api.post("/affiliate/links", { sub_id: "mine" }, { headers: partnerAuth })
      const { data: rule } = await api.post("/admin/affiliate-rules", { scope: "program", rate: 5 }, admin)
      const { data: line } = await api.post(
        `/admin/affiliates/${affiliate.id}/adjustments`,
        { type: "bonus", amount: 100, currency_code: "usd", reason: "fixture", status: "pending" },
        admin
      )
      const { data: payout } = await api.post(
        `/admin/affiliates/${affiliate.id}/payouts`,
        { amount: 10, currency_code: "usd", allow_exceeding_balance: true },
        admin
      )
      const cart = await createCart(api, {
        publishableKey: store.publishableKey,
        regionId: store.regionIds.usd,
        salesChannelId: store.salesChannelId,
        items: [{ variant_id: store.products[0].variantIds[0], quantity: 1 }],
      })
      const fixtures: Fixtures = {
        affiliateId: affiliate.id,
        partnerId: me.affiliate.id,
        code: code.code,
        codeId: code.id,
        linkId: link.referral_link.id,
        partnerLinkId: partnerLink.referral_link.id,
        ruleId: rule.commission_rule.id,
        payoutId: payout.payout.id,
        lineId: line.commission_line.id,
        cartId: cart.id,
        productId: store.products[0].id,
      }
      expect(Object.values(fixtures).every((value) => typeof value === "string" && value.length > 0)).toBe(true)

      const headersFor = (credential: Credential, route: RouteSpec): Record<string, string> => {
        const headers: Record<string, string> = route.path.startsWith("/store") ? { "x-publishable-api-key": store.publishableKey } : {}
        if (credential === "admin") Object.assign(headers, adminAuth)
        if (credential === "partner") Object.assign(headers, partnerAuth)
        if (credential === "customer") headers.authorization = customer.authorization
        if (credential === "login") headers.authorization = `Bearer ${freshLogin.token}`
        return headers
      }

      // Every plugin table, and what a write would change in it.
      const { rows: tables } = await knex.raw(`
        SELECT c.table_name, bool_or(c.column_name = 'updated_at') AS has_updated_at
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = current_schema() AND c.table_name LIKE 'affiliate%' AND t.table_type = 'BASE TABLE'
        GROUP BY c.table_name ORDER BY c.table_name`)
      expect(tables.length).toBeGreaterThanOrEqual(11)
      const snapshotSql = tables
        .map(
          ({ table_name, has_updated_at }: any) =>
            `SELECT '${table_name}' AS t, count(*)::int AS n, ${has_updated_at ? "max(updated_at)::text" : "NULL"} AS u, coalesce(sum(hashtext(x::text)), 0)::text AS h FROM "${table_name}" x`
        )
        .join(" UNION ALL ")
      const snapshot = async (): Promise<Record<string, string>> => {
        const { rows } = await knex.raw(snapshotSql)
        return Object.fromEntries(rows.map((row: any) => [row.t, `${row.n}|${row.u}|${row.h}`]))
      }

      const started = Date.now()
      const byClass: Record<string, number> = {}
      const byRoute: Record<string, Record<string, number>> = {}
      const failures: string[] = []
      let rechecked = 0
      let before = await snapshot()

      for (const [index, route] of PLUGIN_ROUTES.entries()) {
        const key = `${route.method} ${route.path}`
        byRoute[key] = {}
        const cases = fc.sample(caseArb(route, fixtures), { seed: SEED + index, numRuns: RUNS_PER_ROUTE })
        for (const c of cases) {
          const url = urlOf(route, c)
          const headers = headersFor(c.credential, route)
          let data: string | undefined
          if (c.body?.kind === "raw") data = c.body.value
          else if (c.body) data = JSON.stringify(c.body.value)
          if (data !== undefined) headers["content-type"] = "application/json"
          if (c.idempotencyKey !== null) headers["idempotency-key"] = c.idempotencyKey
          const send = async (): Promise<{ status: number; message: string }> => {
            try {
              const response = await (api as any).request({
                method: route.method,
                url,
                headers,
                data,
                // The body is sent as is, not re-encoded.
                transformRequest: [(body: unknown) => body],
                maxRedirects: 0,
                validateStatus: () => true,
              })
              const message = typeof response.data === "object" ? response.data?.message ?? "" : String(response.data).slice(0, 200)
              return { status: response.status, message }
            } catch (e: any) {
              return { status: 0, message: `no response: ${e.code ?? e.message}` }
            }
          }
          const { status, message } = await send()
          const statusClass = status ? `${Math.floor(status / 100)}xx` : "none"
          byClass[statusClass] = (byClass[statusClass] ?? 0) + 1
          byRoute[key][statusClass] = (byRoute[key][statusClass] ?? 0) + 1
          const label = () => `${route.method} ${url.slice(0, 300)} as ${c.credential}, body ${(data ?? "").slice(0, 300)}`
          if (status >= 500 || status === 0) {
            failures.push(`${status} ${label()}: ${message}`)
          }
          let after = await snapshot()
          if (status >= 400) {
            const changed = (from: Record<string, string>, to: Record<string, string>) => Object.keys(to).filter((table) => to[table] !== from[table])
            if (changed(before, after).length) {
              // The jobs (the every-minute stats refresh) write too. A refused
              // request is refused again: send it once more, and only a second
              // write is the request's own.
              rechecked++
              const again = await snapshot()
              await send()
              after = await snapshot()
              const written = changed(again, after)
              if (written.length) failures.push(`refused (${status}) but wrote ${written.join(", ")}: ${label()}: ${message}`)
            }
          }
          before = after
        }
      }

      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const total = Object.values(byClass).reduce((a, b) => a + b, 0)
      console.log(
        [
          `fuzz: seed ${SEED}, ${RUNS_PER_ROUTE} cases per route and method, ${PLUGIN_ROUTES.length} routes, ${total} requests in ${seconds}s`,
          `status classes: ${Object.entries(byClass).sort().map(([k, v]) => `${k} ${v}`).join(", ")}`,
          `refused requests sent again because a table changed meanwhile (a job's write): ${rechecked}`,
          ...Object.entries(byRoute).map(([route, counts]) => `  ${route}: ${Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(", ")}`),
          ...(failures.length ? [`${failures.length} failures:`, ...failures.slice(0, 50)] : []),
        ].join("\n")
      )
      expect(failures).toEqual([])
    })
  },
})
