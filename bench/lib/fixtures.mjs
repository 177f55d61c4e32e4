// Data that would take too long to make over HTTP, written straight to the
// benchmark database.
//
// Benchmark 4 (report latency at 1M clicks, to be added as bench/reports.mjs
// and `npm run bench:reports`) starts here: `insertClicks(db, { count: 1_000_000 })`
// fills affiliate_click, then the report routes are measured with
// lib/load.mjs `runLoad` beside a Medusa admin route as baseline, as
// bench/clicks.mjs does for the store routes.

/**
 * Inserts `count` clicks for the seeded codes (ADA10 and GRACE, alternately)
 * in batches, spread over the last `days` days, from a pool of `visitors`
 * distinct IP / user agent hashes, with UTM tags and sub-ids that repeat as a
 * real campaign's do. Deterministic for a given count: ids are
 * `afclk_bench_<n>`, so a second call with a higher `from` adds more. Optional
 * columns (e.g. `visitor_hash`) are filled only when the table has them; the
 * dedupe key stays null, so the unique index never refuses a row. Runs
 * ANALYZE at the end so the planner knows the new size.
 *
 * @param {import("pg").Pool} db
 * @returns {Promise<{ inserted: number, seconds: number }>}
 */
export async function insertClicks(
  db,
  { count, from = 0, days = 90, visitors = 200_000, batch = 100_000, log = () => {} }
) {
  const started = performance.now()
  const { rows: codes } = await db.query(
    "SELECT id, affiliate_id FROM affiliate_referral_code WHERE deleted_at IS NULL AND alias_of_id IS NULL ORDER BY code"
  )
  if (!codes.length) throw new Error("No referral codes to click on: seed the store first")
  const { rows: columnRows } = await db.query(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'affiliate_click'"
  )
  const columns = new Set(columnRows.map((r) => r.column_name))

  // g is the click's number; everything else is derived from it.
  const values = {
    id: `'afclk_bench_' || lpad(g::text, 9, '0')`,
    affiliate_id: `($3::text[])[1 + g % $5]`,
    code_id: `($4::text[])[1 + g % $5]`,
    landing_url: `'https://shop.example.com/products/p' || (g % 40) || '?ref=bench'`,
    referrer: `(ARRAY['https://news.example.com/', 'https://t.co/x', NULL])[1 + g % 3]`,
    utm_source: `(ARRAY['newsletter', 'twitter', 'blog', 'youtube', 'podcast'])[1 + g % 5]`,
    utm_medium: `'affiliate'`,
    utm_campaign: `'campaign-' || (g % 12)`,
    sub_id: `CASE WHEN g % 4 = 0 THEN NULL ELSE 'sub-' || (g % 50) END`,
    ip_hash: `md5('ip' || ((g * 7919) % $6))`,
    user_agent_hash: `md5('ua' || ((g * 104729) % $6 % 700))`,
    visitor_hash: `md5('visitor' || ((g * 7919) % $6))`,
    // Spread evenly over the window, newest last.
    created_at: `now() - make_interval(secs => ($2::bigint - g) * ($7::float8 / $2))`,
  }
  const used = Object.keys(values).filter((c) => columns.has(c))
  const sql = `
    INSERT INTO affiliate_click (${used.join(", ")}, updated_at)
    SELECT ${used.map((c) => values[c]).join(", ")}, now()
      FROM generate_series($1::bigint, $8::bigint) AS g`

  const total = from + count
  let inserted = 0
  for (let start = from; start < total; start += batch) {
    const end = Math.min(start + batch, total) - 1
    const result = await db.query(sql, [
      start,
      total,
      codes.map((c) => c.affiliate_id),
      codes.map((c) => c.id),
      codes.length,
      visitors,
      days * 86_400,
      end,
    ])
    inserted += result.rowCount
    log(`inserted ${inserted.toLocaleString("en-US")} / ${count.toLocaleString("en-US")} clicks`)
  }
  await db.query("ANALYZE affiliate_click")
  return { inserted, seconds: (performance.now() - started) / 1000 }
}
