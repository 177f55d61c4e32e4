/**
 * The audit log's store (J2): plain SQL on `affiliate_audit_entry`. Writers
 * pass the knex of the transaction that makes the change, so an entry exists
 * exactly when its change does.
 */
import { generateEntityId } from "@medusajs/framework/utils"
import type { AuditEntryDTO, AuditEntryFilters, AuditEntryInput } from "../../../types/audit"

type KnexLike = any

const TABLE = "affiliate_audit_entry"

/** Appends entries; call it with the knex of the change's own transaction. */
export async function writeAuditEntries(knex: KnexLike, entries: AuditEntryInput[]): Promise<string[]> {
  if (!entries.length) {
    return []
  }
  const rows = entries.map((entry) => ({
    id: generateEntityId(undefined, "afaud"),
    actor_type: entry.actor_type,
    actor_id: entry.actor_id,
    action: entry.action,
    target_type: entry.target_type,
    target_id: entry.target_id,
    affiliate_id: entry.affiliate_id ?? null,
    before: entry.before == null ? null : JSON.stringify(entry.before),
    after: entry.after == null ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? null,
  }))
  await knex(TABLE).insert(rows)
  return rows.map((row) => row.id)
}

/** Newest first, by `created_at` then `id`, with the route's filters. */
export async function listAuditEntries(
  knex: KnexLike,
  filters: AuditEntryFilters,
  page: { limit: number; offset: number }
): Promise<{ entries: AuditEntryDTO[]; count: number }> {
  const query = knex(TABLE)
  if (filters.actor_type) query.where("actor_type", filters.actor_type)
  if (filters.actor_id) query.where("actor_id", filters.actor_id)
  if (filters.action) query.whereIn("action", ([] as string[]).concat(filters.action))
  if (filters.target_type) query.where("target_type", filters.target_type)
  if (filters.target_id) query.where("target_id", filters.target_id)
  if (filters.affiliate_id) query.where("affiliate_id", filters.affiliate_id)
  const range = filters.created_at ?? {}
  if (range.gte) query.where("created_at", ">=", range.gte)
  if (range.gt) query.where("created_at", ">", range.gt)
  if (range.lte) query.where("created_at", "<=", range.lte)
  if (range.lt) query.where("created_at", "<", range.lt)

  const [{ count }] = await query.clone().count({ count: "*" })
  const entries = await query
    .select("*")
    .orderBy([
      { column: "created_at", order: "desc" },
      { column: "id", order: "desc" },
    ])
    .limit(page.limit)
    .offset(page.offset)
  return { entries, count: Number(count) }
}
