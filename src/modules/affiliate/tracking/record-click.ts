import { createHash } from "crypto"
import { generateEntityId } from "@medusajs/framework/utils"

export type ClickRow = {
  affiliate_id: string
  code_id: string
  link_id: string | null
  sub_id: string | null
  sales_channel_id: string | null
  landing_url: string | null
  referrer: string | null
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  utm_term: string | null
  utm_content: string | null
  ip_hash: string | null
  user_agent_hash: string | null
  visitor_hash: string | null
}

export type InsertedClick = { id: string; created_at: Date; counted: boolean }

const HOUR_MS = 3_600_000

/**
 * The visitor's last counted click on the code and sub-id within the hour
 * before `:now` (by the (affiliate, visitor, created_at) index).
 */
const LAST_HOURS_CLICK = `
  SELECT id, created_at FROM affiliate_click
   WHERE affiliate_id = :affiliate_id AND visitor_hash = :visitor_hash
     AND code_id = :code_id AND sub_id IS NOT DISTINCT FROM :sub_id
     AND created_at > :hour_ago AND deleted_at IS NULL
   ORDER BY created_at DESC LIMIT 1`

/**
 * One visitor's clicks on one code and sub-id within a clock hour share a
 * key, so the unique index keeps two requests arriving at once from both
 * counting. (The hour itself is a sliding one, checked in `insertClick`.)
 */
export function clickDedupeKey(row: Pick<ClickRow, "code_id" | "sub_id" | "visitor_hash">, at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS)
  return createHash("sha256")
    .update(`${row.code_id}|${row.sub_id ?? ""}|${row.visitor_hash ?? ""}|${hour}`)
    .digest("base64url")
    .slice(0, 32)
}

/**
 * The click hot path in one statement, append-only: insert the click unless
 * the visitor's last counted click on the same code and sub-id is less than
 * an hour old (C2). Nothing else is written: the report refresh adds new
 * clicks to the read model (`stats/daily-stats.ts`, `rollUpClicks`), so a
 * click never waits on, or deadlocks with, a report. A repeat returns that
 * last counted click, uncounted.
 */
export async function insertClick(knex: any, row: ClickRow, now = new Date()): Promise<InsertedClick> {
  const id = generateEntityId(undefined, "afclk")
  const dedupeKey = clickDedupeKey(row, now)
  const hourAgo = new Date(now.getTime() - HOUR_MS)
  const { rows } = await knex.raw(
    `INSERT INTO affiliate_click (
       id, affiliate_id, code_id, link_id, sub_id, sales_channel_id, landing_url, referrer,
       utm_source, utm_medium, utm_campaign, utm_term, utm_content,
       ip_hash, user_agent_hash, visitor_hash, dedupe_key, created_at, updated_at)
     SELECT :id, :affiliate_id, :code_id, :link_id, :sub_id, :sales_channel_id, :landing_url, :referrer,
            :utm_source, :utm_medium, :utm_campaign, :utm_term, :utm_content,
            :ip_hash, :user_agent_hash, :visitor_hash, :dedupe_key, CAST(:now AS timestamptz), CAST(:now AS timestamptz)
      WHERE NOT EXISTS (${LAST_HOURS_CLICK})
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL DO NOTHING
     RETURNING id, created_at, true AS counted`,
    { ...row, id, dedupe_key: dedupeKey, now, hour_ago: hourAgo }
  )
  if (rows[0]) {
    return rows[0]
  }
  const { rows: existing } = await knex.raw(
    `SELECT id, created_at, false AS counted FROM (${LAST_HOURS_CLICK}) c
     UNION ALL
     SELECT id, created_at, false FROM affiliate_click WHERE dedupe_key = :dedupe_key AND deleted_at IS NULL
     LIMIT 1`,
    { ...row, dedupe_key: dedupeKey, hour_ago: hourAgo }
  )
  return existing[0]
}
