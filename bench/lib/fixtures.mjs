// Data that would take too long to make over HTTP, written straight to the
// benchmark database. `insertClicks` fills affiliate_click; lib/scale-data.mjs
// builds a whole program (affiliates, codes, links, clicks, orders, ledger,
// payouts, leads) on top of it for `npm run bench:reports`.

/** UTM campaigns a click may carry (most carry none); earlier ones are more common. */
export const CAMPAIGNS = [
  "spring-sale",
  "newsletter-weekly",
  "creator-collab",
  "summer-launch",
  "back-to-school",
  "black-friday",
  "holiday-gift-guide",
]
const SOURCES = ["youtube", "instagram", "newsletter", "blog", "tiktok", "podcast"]
const PAGES = ["medusa-t-shirt", "medusa-sweatshirt", "medusa-mug", "collections/new", ""]
const REFERRERS = ["https://www.youtube.com/", "https://www.instagram.com/", "https://news.example.com/", null]

/**
 * Inserts `count` clicks in batches, spread over the `days` days before `end`
 * (clicks are numbered in time order; `growth` 2 makes the last day twice as
 * busy as the first). Ids are `afclk_bench_<n>`, n from `from`, so a second
 * call with a higher `from` adds more; `updated_at` is the click's own time,
 * as for a click recorded then. The dedupe key stays null, so the unique
 * index never refuses a row. Runs ANALYZE at the end.
 *
 * Who is clicked: `codes` (rows with `id`, `affiliate_id`, `code`; default:
 * every active code in the table, i.e. ADA10 and GRACE after the seed), in
 * turn (`spread: "even"`) or Zipf-like (`spread: "zipf"`: the i-th code gets
 * a share ∝ 1/i, so the first of 10,000 gets 7.5% and the first ten 26%).
 * A click on a code with referral links that have a sub-id comes through its
 * k-th link when k (1 to 7, at random) is within its links, and carries the
 * link's id and sub-id; else it has neither. A click lands in one of
 * `salesChannelIds` (the first ~79% of the time with two; none without),
 * carries one of `CAMPAIGNS` 35% of the time (earlier ones more often), and
 * comes from one of `visitors` visitors (IP, user agent and visitor hashes).
 * Random choices come from the session's `random()`: call `setseed` on the
 * same client first for a repeatable set.
 *
 * @param {import("pg").Pool | import("pg").PoolClient} db
 * @returns {Promise<{ inserted: number, seconds: number }>}
 */
export async function insertClicks(
  db,
  {
    count,
    from = 0,
    days = 90,
    end = new Date(),
    codes,
    spread = "even",
    growth = 1,
    salesChannelIds = [],
    visitors = 200_000,
    batch = 100_000,
    log = () => {},
  }
) {
  const started = performance.now()
  codes ??= (
    await db.query(
      `SELECT id, affiliate_id, code FROM affiliate_referral_code
        WHERE deleted_at IS NULL AND alias_of_id IS NULL AND is_active ORDER BY code`
    )
  ).rows
  if (!codes.length) throw new Error("No referral codes to click on: seed the store first")

  const total = from + count
  // The click's place in time, 0 (window start) to 1 (`end`), from its number:
  // the inverse of a density that rises linearly to `growth` times its start.
  const share = `((g + 0.5) / ${total})`
  const position = growth === 1 ? share : `((sqrt(1 + ${growth ** 2 - 1} * ${share}) - 1) / ${growth - 1})`
  const rank = {
    even: `1 + (g % $4::int)`,
    zipf: `LEAST($4::int, floor(power($4::int + 1, random()))::int)`,
  }[spread]
  if (!rank) throw new Error(`insertClicks: spread must be "even" or "zipf", not ${spread}`)

  const sql = `
    WITH codes AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(code_id, affiliate_id, code, rank)
    ), links AS (
      SELECT id, code_id, sub_id, row_number() OVER (PARTITION BY code_id ORDER BY created_at, id) AS slot
        FROM affiliate_referral_link
       WHERE deleted_at IS NULL AND is_active AND sub_id IS NOT NULL AND code_id = ANY($1::text[])
    ), picks AS (
      SELECT g, ${rank} AS rank, 1 + floor(random() * 7)::int AS slot, random() AS r_campaign,
             random() AS r_source, random() AS r_channel, floor(random() * $5)::int AS visitor,
             $6::timestamptz - make_interval(secs => (1 - ${position}) * $7::float8) AS created_at
        FROM generate_series($8::bigint, $9::bigint) AS g
    )
    INSERT INTO affiliate_click (
      id, affiliate_id, code_id, link_id, sub_id, sales_channel_id, landing_url, referrer,
      utm_source, utm_medium, utm_campaign, utm_term, utm_content,
      ip_hash, user_agent_hash, visitor_hash, dedupe_key, created_at, updated_at)
    SELECT 'afclk_bench_' || lpad(p.g::text, 9, '0'), c.affiliate_id, c.code_id, l.id, l.sub_id,
           ($10::text[])[1 + floor(cardinality($10::text[]) * power(p.r_channel, 3))::int],
           'https://shop.example.com/' || ($11::text[])[1 + p.g % cardinality($11::text[])] || '?ref=' || c.code,
           ($12::text[])[1 + p.g % cardinality($12::text[])],
           u.utm_source, CASE WHEN u.utm_source IS NOT NULL THEN 'affiliate' END, u.utm_campaign, NULL, NULL,
           md5('ip' || p.visitor), md5('ua' || p.visitor % 700), md5('visitor' || p.visitor), NULL,
           p.created_at, p.created_at
      FROM picks p
      JOIN codes c ON c.rank = p.rank
      LEFT JOIN links l ON l.code_id = c.code_id AND l.slot = p.slot
      CROSS JOIN LATERAL (
        SELECT CASE WHEN p.r_campaign < 0.35
                    THEN ($13::text[])[1 + floor(cardinality($13::text[]) * power(p.r_campaign / 0.35, 2))::int] END AS utm_campaign,
               CASE WHEN p.r_campaign < 0.35 OR p.r_source < 0.4
                    THEN ($14::text[])[1 + floor(cardinality($14::text[]) * p.r_source)::int] END AS utm_source
      ) u`

  let inserted = 0
  for (let start = from; start < total; start += batch) {
    const last = Math.min(start + batch, total) - 1
    const result = await db.query(sql, [
      codes.map((c) => c.id),
      codes.map((c) => c.affiliate_id),
      codes.map((c) => c.code),
      codes.length,
      visitors,
      end,
      days * 86_400,
      start,
      last,
      salesChannelIds,
      PAGES,
      REFERRERS,
      CAMPAIGNS,
      SOURCES,
    ])
    inserted += result.rowCount
    log(`inserted ${inserted.toLocaleString("en-US")} / ${count.toLocaleString("en-US")} clicks`)
  }
  await db.query("ANALYZE affiliate_click")
  return { inserted, seconds: (performance.now() - started) / 1000 }
}
