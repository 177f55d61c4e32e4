// A whole affiliate program at the scale of a large shop, written with SQL
// (generate_series) in well under a minute: affiliates with a code each,
// links for the busiest, clicks, orders with their sale lines (pending,
// on hold, approved, paid in monthly payouts, rejected, refunded), clawbacks
// and leads, over the click retention period. For `npm run bench:reports`.
//
// Every row's `updated_at` is the time of its last change in the story, in
// the past, as if the program had been running all along: the reports'
// refresh only recomputes affiliate-days with rows updated since its last
// run, so rows stamped "now" would all look new.
import { insertClicks } from "./fixtures.mjs"

/** The issue's numbers: `scale` multiplies all but `days`. */
export const PROGRAM_SIZE = { affiliates: 10_000, clicks: 1_000_000, orders: 100_000, leads: 20_000 }

const RATE = 0.1
const HOLD_DAYS = 30
/** Share of orders and leads that came through a link (the rest entered the code). */
const VIA_LINK = 0.65
/** Share of orders in USD (the rest EUR). */
const USD = 0.8
/** Affiliates 2 to this rank get 2–5 links with a sub-id each. */
const LINKED_RANKS = 25
export const LINK_SUB_IDS = ["youtube", "newsletter", "blog", "instagram", "podcast"]

/** The generated affiliate of a rank (2 and up; rank 1 is the partner passed in). */
const affiliateId = (rank) => `aff_bench_${String(rank).padStart(6, "0")}`
const AFFILIATE_ID_SQL = (rank) => `'aff_bench_' || lpad(${rank}::text, 6, '0')`
const CODE_ID_SQL = (rank) => `'afcode_bench_' || lpad(${rank}::text, 6, '0')`

/**
 * Loads the program. `partner` (an affiliate with a code, made over HTTP)
 * becomes rank 1 of the Zipf-like distribution, the busiest affiliate; the
 * others are generated. Everything happens on one connection seeded with
 * `setseed`, so the same options load the same program (dated from the time
 * of the load). Returns the counts and the seconds each step took.
 *
 * @param {import("pg").Pool} pool
 * @param {object} options
 * @param {{ affiliate_id: string, code_id: string, code: string }} options.partner
 * @param {string[]} options.salesChannelIds the first gets most clicks
 * @param {number} [options.scale] 1 = PROGRAM_SIZE
 * @param {number} [options.days] the window, ending 10 minutes ago
 * @param {number} [options.minimumPayout] a month's approved lines are paid out from this sum
 */
export async function loadProgram(
  pool,
  { partner, salesChannelIds, scale = 1, days = 395, minimumPayout = 50, log = () => {} }
) {
  const size = Object.fromEntries(
    Object.entries(PROGRAM_SIZE).map(([key, n]) => [key, Math.max(2, Math.round(n * scale))])
  )
  // Ends a little before now: rows the refresh would see as just written are
  // the benchmark's own, not the generator's.
  const end = new Date(Date.now() - 10 * 60_000)
  const start = new Date(end.getTime() - days * 86_400_000)
  const joined = new Date(start.getTime() - 30 * 86_400_000)
  const steps = {}
  const db = await pool.connect()
  const step = async (name, run) => {
    const started = performance.now()
    await run()
    steps[name] = (performance.now() - started) / 1000
    log(`${name}: ${steps[name].toFixed(1)}s`)
  }
  try {
    await db.query("SELECT setseed(0.2026)")

    await step("affiliates, codes, links", async () => {
      // The partner joined before its data starts, like everyone else.
      await db.query(
        `UPDATE affiliate SET created_at = $2, approved_at = $2, updated_at = $2 WHERE id = $1`,
        [partner.affiliate_id, joined]
      )
      for (const table of ["affiliate_referral_code", "affiliate_referral_link"]) {
        await db.query(`UPDATE ${table} SET created_at = $2, updated_at = $2 WHERE affiliate_id = $1`, [
          partner.affiliate_id,
          joined,
        ])
      }
      await db.query(
        `INSERT INTO affiliate (id, name, email, status, approved_at, created_at, updated_at)
         SELECT ${AFFILIATE_ID_SQL("r")}, 'Bench Partner ' || r, 'partner-' || r || '@bench.example.com',
                'active', $1, $1, $1
           FROM generate_series(2, $2::int) r`,
        [joined, size.affiliates]
      )
      await db.query(
        `INSERT INTO affiliate_referral_code (id, code, is_active, affiliate_id, created_at, updated_at)
         SELECT ${CODE_ID_SQL("r")}, 'BENCH' || lpad(r::text, 6, '0'), true, ${AFFILIATE_ID_SQL("r")}, $1, $1
           FROM generate_series(2, $2::int) r`,
        [joined, size.affiliates]
      )
      await db.query(
        `INSERT INTO affiliate_referral_link (id, affiliate_id, code_id, sub_id, name, is_active, created_at, updated_at)
         SELECT 'aflink_bench_' || lpad(r::text, 6, '0') || '_' || s.k, ${AFFILIATE_ID_SQL("r")}, ${CODE_ID_SQL("r")},
                s.sub_id, initcap(s.sub_id), true, $1, $1
           FROM generate_series(2, $2::int) r
          CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS s(sub_id, k)
          WHERE s.k <= 2 + r % 4`,
        [joined, Math.min(LINKED_RANKS, size.affiliates), LINK_SUB_IDS]
      )
    })

    await step("clicks", async () => {
      const codes = [{ id: partner.code_id, affiliate_id: partner.affiliate_id, code: partner.code }]
      for (let rank = 2; rank <= size.affiliates; rank++) {
        const n = String(rank).padStart(6, "0")
        codes.push({ id: `afcode_bench_${n}`, affiliate_id: affiliateId(rank), code: `BENCH${n}` })
      }
      await insertClicks(db, {
        count: size.clicks,
        days,
        end,
        codes,
        spread: "zipf",
        growth: 2,
        salesChannelIds,
        visitors: Math.max(1000, Math.round(size.clicks * 0.3)),
        log,
      })
    })

    await step("orders (attributions)", async () => {
      await db.query(
        `INSERT INTO affiliate_attribution (
           id, cart_id, order_id, customer_id, source, code_id, code, click_id, referred_at, affiliate_id,
           link_id, sub_id, sales_channel_id, utm_campaign, ordered_at, order_total, raw_order_total,
           currency_code, created_at, updated_at)
         SELECT 'afattr_bench_' || o.key, 'cart_bench_' || o.key, 'order_bench_' || o.key, 'cus_bench_' || o.key,
                CASE WHEN o.via_link THEN 'link' ELSE 'code' END, c.code_id, rc.code,
                CASE WHEN o.via_link THEN c.id END, CASE WHEN o.via_link THEN c.created_at ELSE t.at END,
                c.affiliate_id, CASE WHEN o.via_link THEN c.link_id END, CASE WHEN o.via_link THEN c.sub_id END,
                c.sales_channel_id, CASE WHEN o.via_link THEN c.utm_campaign END,
                t.at, o.total, ${raw("o.total")}, CASE WHEN o.usd THEN 'usd' ELSE 'eur' END,
                CASE WHEN o.via_link THEN c.created_at ELSE t.at END, t.at
           FROM ${onRandomClicks({
             lagDays: 7,
             columns: `random() < ${USD} AS usd, round((15 + 235 * power(random(), 2))::numeric, 2) AS total`,
           })}
           JOIN affiliate_referral_code rc ON rc.id = c.code_id`,
        [size.orders, size.clicks, end]
      )
    })

    await step("ledger lines and payouts", async () => {
      await writeLedger(db, { end, minimumPayout })
    })

    await step("leads", async () => {
      await db.query(
        `INSERT INTO affiliate_lead (
           id, affiliate_id, customer_id, source, code_id, click_id, link_id, sub_id, sales_channel_id,
           utm_campaign, referred_at, created_at, updated_at)
         SELECT 'aflead_bench_' || o.key, c.affiliate_id, 'cus_bench_lead_' || o.key,
                CASE WHEN o.via_link THEN 'link' ELSE 'code' END, c.code_id, CASE WHEN o.via_link THEN c.id END,
                CASE WHEN o.via_link THEN c.link_id END, CASE WHEN o.via_link THEN c.sub_id END,
                c.sales_channel_id, CASE WHEN o.via_link THEN c.utm_campaign END,
                CASE WHEN o.via_link THEN c.created_at ELSE t.at END, t.at, t.at
           FROM ${onRandomClicks({ lagDays: 2 })}`,
        [size.leads, size.clicks, end]
      )
    })

    // What autovacuum would have done by the time a program is this big:
    // statistics for the planner and a visibility map for index-only scans.
    await step("VACUUM ANALYZE", async () => {
      for (const table of [
        "affiliate",
        "affiliate_referral_code",
        "affiliate_referral_link",
        "affiliate_click",
        "affiliate_attribution",
        "affiliate_commission_line",
        "affiliate_payout",
        "affiliate_lead",
      ]) {
        await db.query(`VACUUM ANALYZE ${table}`)
      }
    })
  } finally {
    db.release()
  }

  const { rows } = await pool.query(`
    SELECT (SELECT COUNT(*) FROM affiliate)::int AS affiliates,
           (SELECT COUNT(*) FROM affiliate_referral_link)::int AS links,
           (SELECT COUNT(*) FROM affiliate_click)::int AS clicks,
           (SELECT COUNT(*) FROM affiliate_attribution WHERE order_id IS NOT NULL)::int AS orders,
           (SELECT COUNT(*) FROM affiliate_commission_line)::int AS ledger_lines,
           (SELECT COUNT(*) FROM affiliate_payout)::int AS payouts,
           (SELECT COUNT(*) FROM affiliate_lead)::int AS leads`)
  return {
    counts: rows[0],
    steps,
    seconds: Object.values(steps).reduce((a, b) => a + b, 0),
    window: { start, end },
  }
}

/**
 * `count` ($1) rows, each tied to a random generated click ($2 clicks) of
 * its own: the row's `o.key`, `o.via_link` and the `columns` asked for, the
 * click as `c`, and `t.at`, a moment up to `lagDays` after the click (most
 * soon after), scaled down for clicks too recent to leave that long before
 * `end` ($3).
 */
function onRandomClicks({ lagDays, columns = "" }) {
  return `
    (SELECT lpad(n::text, 7, '0') AS key, floor(random() * $2::bigint)::bigint AS click,
            random() < ${VIA_LINK} AS via_link, random() AS lag${columns ? `, ${columns}` : ""}
       FROM generate_series(1, $1::int) n) o
    JOIN affiliate_click c ON c.id = 'afclk_bench_' || lpad(o.click::text, 9, '0')
    CROSS JOIN LATERAL (
      SELECT c.created_at + power(o.lag, 3) * LEAST(interval '${lagDays} days', $3::timestamptz - c.created_at) AS at
    ) t`
}

/** Medusa's `raw_<field>` jsonb beside a numeric column. */
const raw = (column) => `jsonb_build_object('value', (${column})::text, 'precision', 20)`

/**
 * One sale line per order at 10%, with the life each would have had by
 * `end`: 1% rejected; lines younger than the hold period pending (3% on
 * hold); older ones approved, or paid when the month's approved lines of the
 * affiliate and currency reach the minimum payout (one payout per affiliate,
 * currency and month, on the 3rd); 1.5% refunded within 20 days (a reversal
 * that moves with its line) and 0.3% clawed back after their payout.
 */
async function writeLedger(db, { end, minimumPayout }) {
  await db.query(`DROP TABLE IF EXISTS bench_sale`)
  await db.query(
    `CREATE TEMP TABLE bench_sale AS
     SELECT substr(a.id, 14) AS key, a.id AS attribution_id, a.order_id, a.affiliate_id, a.source,
            a.currency_code, a.order_total, round(a.order_total * ${RATE}, 2) AS amount, a.ordered_at,
            a.ordered_at + interval '2 seconds' AS created_at, a.u,
            CASE WHEN a.u >= 0.01 AND a.u < 0.025 AND a.ordered_at + (1 + 19 * a.lag) * interval '1 day' <= $1
                 THEN a.ordered_at + (1 + 19 * a.lag) * interval '1 day' END AS refunded_at,
            (date_trunc('month', (a.ordered_at + interval '${HOLD_DAYS} days') AT TIME ZONE 'UTC')
              + interval '1 month 2 days 10 hours') AT TIME ZONE 'UTC' AS payout_at
       FROM (SELECT *, random() AS u, random() AS lag FROM affiliate_attribution WHERE starts_with(id, 'afattr_bench_')) a`,
    [end]
  )
  await db.query(`DROP TABLE IF EXISTS bench_line`)
  await db.query(
    `CREATE TEMP TABLE bench_line AS
     SELECT s.*, CASE WHEN status = 'paid'
                      THEN 'afpay_bench_' || to_char(payout_at AT TIME ZONE 'UTC', 'YYYYMM') || '_'
                           || currency_code || '_' || affiliate_id END AS payout_id,
            CASE status WHEN 'paid' THEN payout_at
                        WHEN 'approved' THEN ordered_at + interval '${HOLD_DAYS} days'
                        WHEN 'rejected' THEN LEAST($1::timestamptz, ordered_at + interval '2 days')
                        ELSE created_at END AS changed_at
       FROM (
         SELECT b.*,
                CASE WHEN u < 0.01 THEN 'rejected'
                     WHEN ordered_at > $1::timestamptz - interval '${HOLD_DAYS} days' THEN CASE WHEN u < 0.04 THEN 'on_hold' ELSE 'pending' END
                     WHEN payout_at <= $1
                          AND SUM(amount) FILTER (WHERE refunded_at IS NULL AND u >= 0.01)
                              OVER (PARTITION BY affiliate_id, currency_code, payout_at) >= $2 THEN 'paid'
                     ELSE 'approved' END AS status
           FROM bench_sale b
       ) s`,
    [end, minimumPayout]
  )

  // A refunded line and its reversal are paid out together and net to 0.
  await db.query(
    `INSERT INTO affiliate_payout (id, amount, raw_amount, currency_code, status, method, paid_at, affiliate_id, created_at, updated_at)
     SELECT payout_id, net, ${raw("net")}, currency_code, 'paid', 'bank_transfer', payout_at, affiliate_id, payout_at, payout_at
       FROM (SELECT payout_id, currency_code, payout_at, affiliate_id,
                    SUM(amount) FILTER (WHERE refunded_at IS NULL) AS net
               FROM bench_line WHERE payout_id IS NOT NULL
              GROUP BY payout_id, currency_code, payout_at, affiliate_id) p`
  )
  const common = `currency_code, level, source, order_id, attribution_id, affiliate_id`
  await db.query(
    `INSERT INTO affiliate_commission_line (
       id, type, status, amount, raw_amount, base_amount, raw_base_amount, rate, raw_rate, rule,
       ${common}, paid_by_customer_at, hold_until, approved_at, status_reason, status_changed_by,
       status_changed_at, payout_id, created_at, updated_at)
     SELECT 'afcom_bench_' || key, 'sale', status, amount, ${raw("amount")}, order_total, ${raw("order_total")},
            ${RATE * 100}, ${raw(String(RATE * 100))}, 'program_default',
            currency_code, 0, source, order_id, attribution_id, affiliate_id,
            ordered_at, ordered_at + interval '${HOLD_DAYS} days',
            CASE WHEN status IN ('approved', 'paid') THEN ordered_at + interval '${HOLD_DAYS} days' END,
            CASE status WHEN 'rejected' THEN 'Self-referral' WHEN 'on_hold' THEN 'Conversion rate above the fraud threshold' END,
            CASE WHEN status IN ('rejected', 'on_hold') THEN 'system:fraud_check' END,
            CASE WHEN status IN ('rejected', 'on_hold') THEN changed_at END,
            payout_id, created_at, changed_at
       FROM bench_line`
  )
  // Refunds: a reversal in the status of its line, in the same payout.
  await db.query(
    `INSERT INTO affiliate_commission_line (
       id, type, status, amount, raw_amount, ${common}, reverses_id, reference, reason,
       paid_by_customer_at, hold_until, approved_at, payout_id, created_at, updated_at)
     SELECT 'afcom_bench_r' || key, 'reversal', status, -amount, ${raw("-amount")}, currency_code, 0, source,
            order_id, attribution_id, affiliate_id, 'afcom_bench_' || key, 'refund:bench_' || key, 'Payment refunded',
            ordered_at, ordered_at + interval '${HOLD_DAYS} days',
            CASE WHEN status IN ('approved', 'paid') THEN ordered_at + interval '${HOLD_DAYS} days' END,
            payout_id, refunded_at, GREATEST(refunded_at, changed_at)
       FROM bench_line WHERE refunded_at IS NOT NULL`
  )
  // Clawbacks: refunded after the payout, taken back from the next one.
  await db.query(
    `INSERT INTO affiliate_commission_line (
       id, type, status, amount, raw_amount, ${common}, reverses_id, reference, reason,
       approved_at, created_at, updated_at)
     SELECT 'afcom_bench_c' || key, 'clawback', 'approved', -amount, ${raw("-amount")}, currency_code, 0, source,
            order_id, attribution_id, affiliate_id, 'afcom_bench_' || key, 'refund:bench_c' || key, 'Payment refunded',
            payout_at + interval '15 days', payout_at + interval '15 days', payout_at + interval '15 days'
       FROM bench_line
      WHERE status = 'paid' AND refunded_at IS NULL AND u >= 0.025 AND u < 0.028 AND payout_at + interval '15 days' <= $1`,
    [end]
  )
  await db.query(`DROP TABLE bench_sale, bench_line`)
}
