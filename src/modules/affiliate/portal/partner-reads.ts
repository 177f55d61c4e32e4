/**
 * The partner portal's reads (issue 12): each takes the partner's id first
 * and reads only that partner's rows, so no filter a request sends can widen
 * them. Amounts are the exact decimals of `raw_*` (or the numeric column).
 */
import type {
  PortalCodeRow,
  PortalCustomerRow,
  PortalLineFilters,
  PortalLineRow,
  PortalPage,
  PortalPayoutRow,
} from "../../../types/portal"

type KnexLike = any

const exact = (column: string) => `coalesce(raw_${column}->>'value', ${column}::text)`

const LINE_COLUMNS = ["id", "type", "status", "currency_code", "created_at", "hold_until", "approved_at", "payout_id", "level", "reason"]

function linesOf(knex: KnexLike, affiliateId: string, filters: PortalLineFilters) {
  const query = knex("affiliate_commission_line").where({ affiliate_id: affiliateId }).whereNull("deleted_at")
  if (filters.status?.length) query.whereIn("status", filters.status)
  if (filters.type?.length) query.whereIn("type", filters.type)
  if (filters.currency_code) query.where("currency_code", filters.currency_code.toLowerCase())
  if (filters.created_from) query.where("created_at", ">=", filters.created_from)
  if (filters.created_to) query.where("created_at", "<", filters.created_to)
  if (filters.payout_id) query.where("payout_id", filters.payout_id)
  return query
}

/** A page of the partner's ledger lines, newest first, and how many match. */
export async function partnerLines(
  knex: KnexLike,
  affiliateId: string,
  filters: PortalLineFilters,
  { limit, offset }: PortalPage,
  oldestFirst = false
): Promise<{ rows: PortalLineRow[]; count: number }> {
  const order = oldestFirst ? "asc" : "desc"
  const [rows, [{ count }]] = await Promise.all([
    linesOf(knex, affiliateId, filters)
      .select(...LINE_COLUMNS, knex.raw(`${exact("amount")} AS amount`))
      .orderBy([{ column: "created_at", order }, { column: "id", order }])
      .limit(limit)
      .offset(offset),
    linesOf(knex, affiliateId, filters).count({ count: "*" }),
  ])
  return { rows, count: Number(count) }
}

/**
 * A page of the partner's referred orders, newest first, each with the net
 * of the partner's lines for it and where they stand. The order id is only
 * for the caller's look-up of the order's email and country.
 */
export async function partnerCustomers(
  knex: KnexLike,
  affiliateId: string,
  { limit, offset }: PortalPage
): Promise<{ rows: PortalCustomerRow[]; count: number }> {
  const attributions = () =>
    knex("affiliate_attribution as a").where("a.affiliate_id", affiliateId).whereNotNull("a.order_id").whereNull("a.deleted_at")
  const [rows, [{ count }]] = await Promise.all([
    attributions()
      .leftJoin("affiliate_commission_line as l", function (this: any) {
        this.on("l.order_id", "=", "a.order_id").andOn("l.affiliate_id", "=", "a.affiliate_id").andOnNull("l.deleted_at")
      })
      .groupBy("a.id")
      .select(
        "a.id",
        "a.order_id",
        "a.ordered_at",
        "a.currency_code",
        "a.rejection_reason",
        knex.raw(`coalesce(a.raw_order_total->>'value', a.order_total::text) AS order_total`),
        // The exact amounts (`raw_amount`), as every other read of the ledger.
        knex.raw(`coalesce(sum(coalesce((l.raw_amount->>'value')::numeric, l.amount)), 0)::text AS commission`),
        knex.raw(`count(l.id)::int AS line_count`),
        knex.raw(`coalesce(array_agg(l.status::text) FILTER (WHERE l.type = 'sale'), '{}') AS sale_statuses`),
        knex.raw(`coalesce(bool_or(l.type IN ('reversal', 'clawback')), false) AS reversed`)
      )
      .orderByRaw("a.ordered_at DESC NULLS LAST, a.id DESC")
      .limit(limit)
      .offset(offset),
    attributions().count({ count: "*" }),
  ])
  return { rows, count: Number(count) }
}

const PAYOUT_SELECT = (knex: KnexLike) => [
  "id",
  knex.raw(`${exact("amount")} AS amount`),
  "currency_code",
  "status",
  "method",
  "external_reference AS reference",
  "created_at",
  "paid_at",
]

/** A page of the partner's payouts, newest first. */
export async function partnerPayouts(
  knex: KnexLike,
  affiliateId: string,
  { status }: { status?: string[] },
  { limit, offset }: PortalPage
): Promise<{ rows: PortalPayoutRow[]; count: number }> {
  const payouts = () => {
    const query = knex("affiliate_payout").where({ affiliate_id: affiliateId }).whereNull("deleted_at")
    return status?.length ? query.whereIn("status", status) : query
  }
  const [rows, [{ count }]] = await Promise.all([
    payouts()
      .select(...PAYOUT_SELECT(knex))
      .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
      .limit(limit)
      .offset(offset),
    payouts().count({ count: "*" }),
  ])
  return { rows, count: Number(count) }
}

/** One of the partner's payouts, or null: another partner's payout is as unknown as a missing one. */
export async function partnerPayout(knex: KnexLike, affiliateId: string, payoutId: string): Promise<PortalPayoutRow | null> {
  const [row] = await knex("affiliate_payout")
    .where({ affiliate_id: affiliateId, id: payoutId })
    .whereNull("deleted_at")
    .select(...PAYOUT_SELECT(knex))
  return row ?? null
}

/** The partner's codes, oldest first, each primary code with its aliases. */
export async function partnerCodes(knex: KnexLike, affiliateId: string): Promise<PortalCodeRow[]> {
  const rows = await knex("affiliate_referral_code")
    .where({ affiliate_id: affiliateId })
    .whereNull("deleted_at")
    .select("id", "code", "alias_of_id", "is_active", "expires_at")
    .orderBy([{ column: "created_at", order: "asc" }, { column: "id", order: "asc" }])
  return rows
    .filter((row: any) => !row.alias_of_id)
    .map((row: any) => ({
      id: row.id,
      code: row.code,
      is_active: row.is_active,
      expires_at: row.expires_at,
      aliases: rows
        .filter((alias: any) => alias.alias_of_id === row.id)
        .map((alias: any) => ({ id: alias.id, code: alias.code, is_active: alias.is_active })),
    }))
}

/**
 * Products partners are not offered (D8): hidden from the portal, or out of
 * the program (an active, excluded product rule at level 0: the rule the
 * product page's widget reads).
 */
export const PRODUCTS_NOT_OFFERED_SQL = `SELECT product_id FROM affiliate_product_participation
      WHERE deleted_at IS NULL AND visible_in_portal = false
     UNION
     SELECT product_id FROM affiliate_commission_rule
      WHERE deleted_at IS NULL AND scope = 'product' AND is_active = true AND excluded = true
        AND coalesce(level, 0) = 0 AND product_id IS NOT NULL`

export async function productsNotOffered(knex: KnexLike): Promise<string[]> {
  const { rows } = await knex.raw(PRODUCTS_NOT_OFFERED_SQL)
  return rows.map((row: { product_id: string }) => row.product_id)
}
