/**
 * What the CSV exports read: the ledger and the payouts, with a list route's
 * filters, one page at a time in (created_at, id) order. Keyset pages, not
 * OFFSET, so each page costs the same however deep the export is, and a
 * cursor, not a held connection or cursor, between pages.
 */
import type { PayoutDetails } from "../payout-details/types"
import { applyListFilters, type ExportFilters } from "./list-filters"

export type { ExportFilters }

type KnexLike = any

/** Where the next page starts: the last row's exact `created_at` (microseconds, UTC) and id. */
export type ExportCursor = { at: string; id: string }

export type ExportPage<T> = { rows: T[]; next: ExportCursor | null }

// The cursor keeps PostgreSQL's microseconds: a JavaScript Date would cut
// them to milliseconds and the next page would repeat rows.
const CURSOR_AT = (alias: string) =>
  `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`

function afterCursor(query: any, alias: string, after: ExportCursor | null) {
  if (after) {
    query.whereRaw(`(${alias}.created_at, ${alias}.id) > (?::timestamptz, ?)`, [after.at, after.id])
  }
  return query.orderBy([
    { column: `${alias}.created_at`, order: "asc" },
    { column: `${alias}.id`, order: "asc" },
  ])
}

function toPage<T extends { id: string }>(rows: (T & { cursor_at: string })[], limit: number): ExportPage<T> {
  const last = rows[rows.length - 1]
  return {
    rows: rows.map(({ cursor_at: _, ...row }) => row as unknown as T),
    next: rows.length === limit && last ? { at: last.cursor_at, id: last.id } : null,
  }
}

export type LedgerExportRow = {
  id: string
  created_at: Date
  affiliate_id: string
  affiliate_name: string | null
  affiliate_email: string | null
  type: string
  status: string
  /** The exact decimal from `raw_amount`. */
  amount: string
  currency_code: string
  order_id: string | null
  reference: string | null
  reason: string | null
  payout_id: string | null
  approved_at: Date | null
  hold_until: Date | null
}

/** One page of ledger lines matching the ledger list's filters, with their affiliate. */
export async function ledgerExportPage(
  knex: KnexLike,
  filters: ExportFilters,
  after: ExportCursor | null,
  limit: number
): Promise<ExportPage<LedgerExportRow>> {
  return await keysetPage<LedgerExportRow>(knex, "affiliate_commission_line", filters, after, limit, [
    "type",
    "status",
    "order_id",
    "reference",
    "reason",
    "payout_id",
    "approved_at",
    "hold_until",
  ])
}

export type PayoutExportRow = {
  id: string
  created_at: Date
  affiliate_id: string
  affiliate_name: string | null
  affiliate_email: string | null
  amount: string
  currency_code: string
  status: string
  method: string
  external_reference: string | null
  note: string | null
  paid_at: Date | null
  payout_method: string | null
  /** In full: the export is what the admin pays from. */
  payout_details: PayoutDetails | null
}

/** One page of payouts matching the payout list's filters, with the partner's payout details. */
export async function payoutExportPage(
  knex: KnexLike,
  filters: ExportFilters,
  after: ExportCursor | null,
  limit: number
): Promise<ExportPage<PayoutExportRow>> {
  return await keysetPage<PayoutExportRow>(knex, "affiliate_payout", filters, after, limit, [
    "status",
    "method",
    "external_reference",
    "note",
    "paid_at",
    "a.payout_method",
    "a.payout_details",
  ])
}

/**
 * A page of `table` (a ledger line or a payout: an amount in a currency,
 * owned by an affiliate) with the list's filters, after `after`: the shared
 * columns, the affiliate's name and email, and `columns` (of the table, or
 * `a.` for the affiliate's).
 */
async function keysetPage<T extends { id: string }>(
  knex: KnexLike,
  table: string,
  filters: ExportFilters,
  after: ExportCursor | null,
  limit: number,
  columns: string[]
): Promise<ExportPage<T>> {
  const query = knex(`${table} as t`)
    .join("affiliate as a", "a.id", "t.affiliate_id")
    .whereNull("t.deleted_at")
    .select(
      "t.id",
      "t.created_at",
      "t.affiliate_id",
      "a.name as affiliate_name",
      "a.email as affiliate_email",
      knex.raw(`coalesce(t.raw_amount->>'value', t.amount::text) AS amount`),
      "t.currency_code",
      ...columns.map((column) => (column.includes(".") ? column : `t.${column}`)),
      knex.raw(CURSOR_AT("t"))
    )
    .limit(limit)
  applyListFilters(query, "t", filters)
  return toPage<T>(await afterCursor(query, "t", after), limit)
}

/** The fields a layout reads, per payout method: details without them can't be paid that way. */
const REQUIRED_FIELDS: Record<string, string> = {
  paypal: `a.payout_details->>'email' IS NOT NULL`,
  bank_transfer: `a.payout_details->>'account_holder_name' IS NOT NULL
    AND (a.payout_details->>'iban' IS NOT NULL OR a.payout_details->>'account_number' IS NOT NULL)`,
}

/**
 * The affiliates, among the payouts matching `filters`, whose payout details
 * are not of `method` (none, another method, or an old free-form object):
 * at most `limit` ids, and how many there are.
 */
export async function affiliatesWithoutPayoutDetails(
  knex: KnexLike,
  filters: ExportFilters,
  method: "paypal" | "bank_transfer",
  limit = 100
): Promise<{ affiliate_ids: string[]; count: number }> {
  const query = knex("affiliate_payout as p")
    .join("affiliate as a", "a.id", "p.affiliate_id")
    .whereNull("p.deleted_at")
    .whereRaw(`NOT coalesce(a.payout_details->>'method' = ? AND ${REQUIRED_FIELDS[method]}, false)`, [method])
  applyListFilters(query, "p", filters)
  const [{ count }] = await query.clone().countDistinct({ count: "p.affiliate_id" })
  const rows = await query.distinct("p.affiliate_id").orderBy("p.affiliate_id").limit(limit)
  return { affiliate_ids: rows.map((row: { affiliate_id: string }) => row.affiliate_id), count: Number(count) }
}

/** Rows per page of an export: one page is what an export holds in memory. */
export const EXPORT_PAGE_SIZE = 1_000

/** Every row of a keyset-paged read, a page at a time, fetched only when the reader wants more. */
export async function* pagedRows<T>(
  fetchPage: (after: ExportCursor | null) => Promise<ExportPage<T>>
): AsyncGenerator<T> {
  let after: ExportCursor | null = null
  do {
    const page: ExportPage<T> = await fetchPage(after)
    yield* page.rows
    after = page.next
  } while (after)
}
